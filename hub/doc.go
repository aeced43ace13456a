// Package hub encodes the rules of a hub-type organization (枢纽型社会组织)
// and its party-building duties (docs/rules.md, rules HUB-*): which party
// organization a member organization needs, how well a hub's members are
// covered, the hub's party structure, and the hub's own governance.
//
// Party forms. An organization with at least 3 formal (正式) party members
// sets up its own branch (单独组建); with 1–2 it joins a joint branch
// (联合组建) or an activity branch (活动型/功能型党支部); with none it gets a
// party-building liaison or instructor (党建联络员/指导员) (HUB-FORM-01). A
// body with 7 or more formal members elects a committee, below that a
// secretary only; a branch normally has at most 50 members, 50–99 (50
// inclusive) form a general branch (党总支), 100 or more a basic-level
// committee (基层党委) (HUB-FORM-02). Each body kind has its own size
// rule: a branch committee has 3–5 members, at most 7 (支部工作条例第二十条);
// for the committee of a general branch or a basic-level committee no
// party regulation sets a number (practice figures disagree), and the
// decision says that no size rule applies (FormDecision.NoSizeRule). A joint branch covers at most 5 units, and an
// organization belongs to one joint branch only (HUB-FORM-03).
//
// Terms (任期, HUB-TERM-01). A body serves the term the rules allowed on the
// day it was elected, a YearsRule: before 2017-10-24 the constitution's
// “三年至五年” for a basic-level committee and “两年或三年” for a general
// branch or branch (a range and a set); from 2017-10-24 three to five years
// for all; from the 2018-07-12 opinion on terms 5 years for a committee, 3
// for a general branch or branch and 5 for any village or community body
// (bodies elected before it keep the term they were elected for). With the
// term the body was elected for (Body.TermYears) the rule checks it is
// allowed; without it the election is due at the shortest term and overdue
// past the longest. An approved extension (延期换届) is at most one year,
// as since the 1990 interim election regulations.
//
// Coverage. 组织覆盖 (organizational coverage) means the organization is in
// a branch; 工作覆盖 (work coverage) adds a liaison. Coverage computes both
// rates, by form and by service category (生活服务类 life_services, 公益慈善类
// charity, 社区专业调处类 mediation, 文体活动类 culture_sports, and kaixuan's
// 治理类 governance) (HUB-COV-01), lists organizations whose form is weaker
// than their members require (HUB-COV-02), the cross-appointment rate
// 双向进入、交叉任职 against a target (HUB-XAPT-01: persons cross-appointed
// over member organizations, as wuliqiao's 交叉任职24人，占比75% is 24/32;
// only an organization with a party organization can be cross-appointed,
// and a cross-appointed organization without its count of persons leaves
// the rule not applicable with a finding) and the freshness of each
// organization's party census (拉网排摸, HUB-CENSUS-01). CheckStructure reads
// the "1+N+X" tree of committee, general branches and branches
// (HUB-STRUCT-01).
//
// Statistics (党内统计口径). Checker.Statistics lays the same members out
// as the party's internal statistics of social organizations: in all;
// with a party organization — 单独组建 as 党委 / 党总支 / 党支部 (given, or
// the body HUB-FORM-02 calls for), 联合组建 as joint general branches and
// joint branches with the organizations each covers (Members.JointBodies,
// Member.JointBody), activity branches apart; with party members but no
// party organization; without party members; with an instructor or
// liaison sent in; and the formal party members in all. Each line names
// its rule. 一方隶属、双向管理、双边活动: a member may list its formal
// members (Persons) and, for an activity branch, the persons active in
// it whose membership stays elsewhere (ActivityPersons); a person listed
// by two organizations is a HUB-COV-01 violation and counted once, and
// activity persons are never counted again.
//
// Governance. Administrative party work stays with the street's
// party-building service centre (管办分离, HUB-ADMIN-01); a hub covers five
// functions (HUB-FUNC-01); its board (理事会) serves fixed terms
// (HUB-BOARD-01); a service centre running double incubation meets the
// Hangzhou conditions (HUB-CENTRE-01); the 25th of each month is the party
// dedication day (党员固定奉献日, HUB-DAY-01); xiyuan's "两委两站" posts,
// "1+2+X" station and "4+1" standard are HUB-XIYUAN-01/02/03.
//
// Missing records (缺少记录). A rule that lacks the record it needs never
// counts the organization as compliant: HUB-CENSUS-01 without a census is
// a violation of its own; HUB-XAPT-01 with a cross-appointed organization
// that gave no count of persons is not applicable with a warning;
// HUB-TERM-01 for a body without the date of its last election is not
// applicable with a notice; SYNC-2 without a census after the move-in,
// SYNC-3 without joint activities and SYNC-4 without a report for a year
// whose deadline passed fail; SYNC-1's joint approval without the count of
// formal members at registration is an input error. A link whose business
// event is not in the log (no registration, move-in, re-election or
// evaluation yet; no report year due) is not applicable: there is nothing
// to synchronize with. A count that is required (formal_members,
// committee_size, certified) is an input error when missing, never 0.
//
// Rates. A Rate is an exact fraction plus a percentage rounded half-up to one
// decimal, computed in integers. In JSON the percentage is a string with one
// decimal: {"numerator":14,"denominator":32,"percent":"43.8"}.
//
// Use. Build a Checker once (NewChecker(programme, date) for the shipped
// parameters, with WithParams for a caller's own ParamSet or WithResolved
// for parameters resolved by Resolve; NewSyncChecker takes the same
// options) and
// call its methods with plain inputs and the evaluation date. Every result
// carries a hubrules.Report whose Basis lists only the parameters that
// decision used; Basis.Unverified names those that are not verified, and
// the text rendering (Describe) prints them.
//
// Rules through time. Preparing a checker for any date never fails
// because one rule's parameters are not in force yet (未施行): that rule
// answers hubrules.NotInForce with a notice naming the parameter and the
// day it starts, and the others are decided (a computation that cannot do
// without it — Form, Term — returns a *hubrules.NotInForceError). One
// date per decision: a method asked about another date than the checker's
// resolves the parameters for that date again from the checker's set, or,
// for parameters handed over WithResolved, refuses with
// hubrules.OtherDate; a result's basis states the date asked and the
// effective date of every parameter it used.
//
// # The six synchronizations (双孵六同步)
//
// "Double incubation" (双孵) means a
// hub incubates a social organization and its party organization at the same
// time; "six synchronizations" (六同步) means that at six links of the
// organization's life the party-building step happens together with the
// business step: SYNC-1 登记 registration or filing (a party-building work
// plan 党建工作方案, and in jingan an interview with the legal representative
// 法人约谈, in wuliqiao the party organization's set-up approved together
// with the registration 同步审批 when it had at least 3 formal members on
// the day of registration, SyncOrg.FormalMembersAtRegistration, required
// then), SYNC-2 入驻 move-in (party census
// 拉网排摸), SYNC-3 管理 management (coverage in place and joint party and
// business activities every quarter), SYNC-4 年检 annual report (every
// report year — each year by whose end the organization had been
// registered, and in the hub, more than 6 months (民政部令第27号第三条) —
// needs a report with a party-building section filed by the deadline of
// the next year, 31 May (第四条); a report filed in year F is the report of
// year F−1; a year whose deadline has not passed is open and not checked;
// each failing year is a finding naming it), SYNC-5 换届 board re-election (the party
// organization reviews the candidates first, 人选把关) and SYNC-6 评选
// evaluation and awards (party building assessed in the same evaluation).
// A programme is a profile of the check: kaixuan (凯益荟) applies all six
// links, jingan SYNC-1 (plan + interview), SYNC-4 and SYNC-6, and wuliqiao's
// 双培三同步 SYNC-1 (approval), SYNC-3 and SYNC-6. NewSyncChecker prepares an
// immutable checker for a programme and date; SyncChecker.Check takes an
// organization's dated event log (SyncOrg) and returns, for each link, the
// business event and the party-building evidence seen, their dates, the days
// between them against the window, and pass, fail or not applicable.
//
// A district register (台账) is checked the same way, one organization at a
// time: CheckInto reuses one result, and a SyncBatch holds the register
// loaded once — each organization validated as it is added, its events
// packed to 8 bytes — so that SyncChecker.CheckBatchInto checks it as of
// any date with the same results at about a third of the cost (1,000,000
// organizations in about 0.35 s on one core; see bench/BENCHMARKS.md).
package hub
