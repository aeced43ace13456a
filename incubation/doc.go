// Package incubation is the stage machine of social-organization incubation
// (社会组织孵化): from an application to move in (申请入驻), through
// incubation in the shell (入壳孵化) and growth (成长), to graduation
// (成熟出壳) and taking part in governance (参与治理) — kaixuan's
// "孵化—培育—指导—评估" full cycle and its 凯益荟 "红色孵化器", with jingan's
// three-level network and entry modes and wuliqiao's maturity classes. Each
// rule's source and each parameter's dated values are listed in the
// repository's docs/rules.md.
//
// # The machine
//
// States and triggers are stable string codes (JSON): applied, incubating,
// growing, graduated, governing, rejected, exited, terminated; admit,
// reject, promote, extend, graduate, engage, exit, terminate. Allowed lists
// the triggers of a state, Transitions the edges. Edges are labelled with
// the rule IDs of their guards:
//
//	stateDiagram-v2
//	    applied : applied 已申请
//	    incubating : incubating 入壳孵化
//	    growing : growing 成长培育
//	    graduated : graduated 成熟出壳
//	    governing : governing 参与治理
//	    rejected : rejected 不予入驻
//	    exited : exited 主动退出
//	    terminated : terminated 终止孵化
//	    [*] --> applied
//	    applied --> incubating : admit [INC-ADMIT-01, INC-NET-01]
//	    applied --> rejected : reject
//	    incubating --> growing : promote
//	    incubating --> incubating : extend [INC-PERIOD-01]
//	    incubating --> exited : exit
//	    incubating --> terminated : terminate
//	    growing --> graduated : graduate [INC-GRAD-01]
//	    growing --> growing : extend [INC-PERIOD-01]
//	    growing --> exited : exit
//	    growing --> terminated : terminate
//	    graduated --> governing : engage [INC-GOV-01]
//	    governing --> [*]
//	    rejected --> [*]
//	    exited --> [*]
//	    terminated --> [*]
//
// Mermaid and DOT return this diagram and its Graphviz twin (golden files
// in testdata/machine.mmd and testdata/machine.dot).
//
// # Firing
//
// A Machine is prepared once from the parameters of a programme on a date
// (NewMachine(programme, date), with WithParams for a caller's own
// hubrules.ParamSet, as every rule package's constructor) and is safe for
// concurrent use. Machine.Fire(record, trigger, facts, date) is pure: it
// returns a new Record and a Decision and never modifies its input. A
// trigger the state does not allow is an error (*TransitionError, which
// unwraps to ErrTransitionNotAllowed). A guard that does not hold is not an
// error: the Decision is "refused", the state stays, and the decision lists
// every unmet criterion with its rule ID, the facts and the parameter it
// was compared with. Malformed input — unknown codes, negative counts,
// percentages over 100, a date before the last history entry — is a
// *hubrules.InputError in Chinese and English.
//
// Each firing is decided under the parameters in force on its own date
// (施行日): fired on another date than the machine's, the parameters are
// resolved again for that date (WithResolved parameters hold for their own
// date only: another date is the other_date input error). A criterion
// whose parameter was not in force is unmet with that reason (未施行) and
// the day it starts, so the transition is refused, never decided on a zero
// — before 2007-04-01, for instance, no incubation term can be sourced and
// admission is refused under INC-PERIOD-01.
//
// # The rules
//
//   - INC-ADMIT-01 入壳: serves the community, a named leader (负责人), the
//     move-in census (入驻排摸, SYNC-2) done; entry as an organization or
//     with a single project (jingan 组织入驻为主、项目化入驻为辅). Without an
//     entry mode the organization itself moves in (组织入驻), and the
//     entry_mode criterion says it was the default (entry_mode_given=false).
//   - INC-NET-01 三级培育孵化网络: district base 区级基地, social base 社会基地,
//     public-benefit practice park 公益实践园 — jingan's rule only. The
//     parameter network.base_required (jingan true from 2013-01-01, assumed;
//     elsewhere false) decides whether admission needs a base: where it is
//     false the criterion is not listed and an applicant meeting
//     INC-ADMIT-01 is admitted without one (a base given is recorded); where
//     it is not in force the criterion is unmet, never read as false. A
//     record belongs to one base, chosen on admission. Machine.CheckNetwork
//     checks a registry: an
//     incubatee at two bases is a Violation finding (a policy breach in
//     well-formed data); the same enrolment written twice is an InputError.
//   - INC-PERIOD-01 孵化期: a term of 12 months (secondary: NPI practice),
//     at most one extension of 6 months (illustrative). Overdue(record,
//     date) says, for any date, whether a record is past its term;
//     OverdueAll answers a record without a term on record not applicable
//     with a "no record" warning, never within its term.
//   - INC-GRAD-01 出壳: registered (登记) or filed (备案); independent
//     operation (own board, own accounts, own premises or an agreement);
//     double incubation (双孵) — party coverage at least the form its formal
//     members require (≥3 own branch 单独组建, 1–2 joint 联合 or activity
//     branch 活动型党支部, 0 a liaison 联络员), compared with
//     hubrules.PartyForm.Meets; projects delivered ≥ 1; latest annual
//     assessment ≥ 60/100; resident satisfaction ≥ 80 % (illustrative: the
//     criteria of DB3301/T 0346—2021 are not public). Both scores are
//     hubrules.Points, exact to a tenth as the grading package computes them,
//     so an annual assessment's Score passes in as it is (ScoreOf).
//   - INC-GOV-01 参与治理: a graduate with a governance project — a
//     government-purchased service (政府购买服务) or a community project
//     claimed from the lists (认领清单项目).
//   - INC-CLASS-01 分类施策: sprouting 萌芽型 (kaixuan 初创型) → seed fund and
//     venture contest; growing 成长型 → capacity building through grading
//     (以评促建); supporting 支持性 → cooperative development. StrategyFor.
//   - INC-PATH-01 成长路径: 居民骨干 → 先锋社团 → 社区社会组织 → 枢纽型社会组织,
//     one level at a time (StepPath refuses a skip).
//   - INC-HIST-01 历史: every firing, refused ones too, is appended to the
//     record's history with date, trigger, actor, outcome, the criteria
//     evaluated and the parameters' programme and effective date.
//     Replay(history) rebuilds the record; a history that does not start at
//     applied or is out of date order is an InputError.
//
// For JSON callers (the CLI), Request carries a record, a trigger, facts and
// a date; DecodeRequest checks it strictly (the record must replay from its
// history) and Machine.FireRequest fires it. DecodeRecord, DecodeHistory and
// DecodeFacts decode the other shapes; OverdueAll checks many records' terms
// on one date.
//
// Parameters live in params.yaml (embedded) with their provenance; the
// Basis of every Decision lists them and says which are not verified.
package incubation
