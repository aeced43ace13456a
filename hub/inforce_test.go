package hub_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

func day(s string) hubrules.Date { return hubrules.MustParseDate(s) }

// revision is one dated value of a parameter: from its day it is value
// (JSON text), citing a title and article containing the given texts.
type revision struct {
	from, value, title, article string
}

// The dated values of each rule family: on each revision's day the value
// and the text cited are that revision's, on the day before the previous
// revision's (or none: the parameter is not in force, with the day it
// starts).
func TestHUB_DatedValues_EachRevisionAndTheDayBefore(t *testing.T) {
	families := []struct {
		rule, param string
		revs        []revision
	}{
		{hub.RuleForm01, "form.own_branch_min_formal", []revision{
			{"2002-11-14", "3", "2002年修改", "社会团体、社会中介组织"},
			{"2007-10-21", "3", "2007年修改", "社会组织"},
			{"2012-11-14", "3", "2012年修改", "第二十九条"},
			{"2017-10-24", "3", "《中国共产党章程》", "第三十条"},
			{"2022-10-22", "3", "2022年修改", "第三十条"},
		}},
		{"SYNC-1", "sync1_approval_min_members", []revision{
			{"2002-11-14", "3", "2002年修改", "第二十九条"},
			{"2007-10-21", "3", "2007年修改", "第二十九条"},
			{"2012-11-14", "3", "2012年修改", "第二十九条"},
			{"2017-10-24", "3", "《中国共产党章程》", "第三十条"},
			{"2022-10-22", "3", "2022年修改", "第三十条"},
		}},
		{hub.RuleTerm01, "term.committee_years", []revision{
			{"2002-11-14", `{"min":3,"max":5}`, "2002年修改", "三年至五年"},
			{"2007-10-21", `{"min":3,"max":5}`, "2007年修改", "第三十条"},
			{"2012-11-14", `{"min":3,"max":5}`, "2012年修改", "第三十条"},
			{"2017-10-24", `{"min":3,"max":5}`, "《中国共产党章程》", "第三十一条"},
			{"2018-07-12", "5", "任期的意见", "一般为5年"},
		}},
		{hub.RuleTerm01, "term.branch_years", []revision{
			{"2002-11-14", `{"allowed":[2,3]}`, "2002年修改", "两年或三年"},
			{"2007-10-21", `{"allowed":[2,3]}`, "2007年修改", "两年或三年"},
			{"2012-11-14", `{"allowed":[2,3]}`, "2012年修改", "两年或三年"},
			{"2017-10-24", `{"min":3,"max":5}`, "《中国共产党章程》", "三年至五年"},
			{"2018-07-12", "3", "任期的意见", "一般为3年"},
		}},
		{hub.RuleTerm01, "term.community_years", []revision{
			{"2018-07-12", "5", "任期的意见", "村和社区"},
		}},
		{hub.RuleTerm01, "term.max_extension_months", []revision{
			{"1990-06-27", "12", "选举工作暂行条例", "延长期限一般不超过一年"},
			{"2018-07-12", "12", "任期的意见", "二"},
			{"2020-07-13", "12", "选举工作条例", "第三条第二款"},
		}},
		{hub.RuleForm02, "form.committee_min_formal", []revision{
			{"1998-03-30", "7", "机关基层组织工作条例》（1998年）", "第七条"},
			{"2018-10-28", "7", "支部工作条例", "第二十条"},
		}},
		{hub.RuleForm02, "form.general_branch_min_members", []revision{
			{"1998-03-30", "50", "（1998年）", "50人以上"},
			{"2010-06-04", "50", "（2010年修订）", "第七条"},
			{"2019-12-01", "50", "机关基层组织工作条例", "第六条"},
		}},
		{hub.RuleForm02, "form.committee_min_members", []revision{
			{"1998-03-30", "100", "（1998年）", "100人以上"},
			{"2010-06-04", "100", "（2010年修订）", "第六条"},
			{"2019-12-01", "100", "机关基层组织工作条例", "第五条"},
		}},
		{hub.RuleForm02, "form.branch_committee_cap", []revision{
			{"2003-01-01", "7", "党务工作手册转述", "最多不超过7人"},
			{"2018-10-28", "7", "支部工作条例", "第二十条"},
		}},
		{hub.RuleForm03, "form.joint_branch_max_units", []revision{
			{"2018-10-28", "5", "支部工作条例", "第五条"},
		}},
		{hub.RuleCentre01, "centre.min_office_m2", []revision{
			{"2021-12-15", "100", "双孵化服务规范", "4.1"},
		}},
	}
	for _, fam := range families {
		t.Run(fam.param, func(t *testing.T) {
			for i, rev := range fam.revs {
				on := day(rev.from)
				for _, d := range []hubrules.Date{on.AddDays(-1), on} {
					_, b, err := hub.Resolve(hubrules.National, d)
					require.NoError(t, err)
					if fam.param[:4] == "sync" {
						_, b, err = hub.ResolveSync(hubrules.National, d)
						require.NoError(t, err)
					}
					want := rev
					if d != on {
						if i == 0 {
							u := b.Unset(fam.param)
							require.Len(t, u, 1, "%s is not in force on %s", fam.param, d)
							assert.Equal(t, on, u[0].Starts, fam.param)
							continue
						}
						want = fam.revs[i-1]
					}
					p, ok := b.Param(fam.param)
					require.True(t, ok, "%s on %s", fam.param, d)
					assert.Equal(t, want.from, p.From.String(), "%s on %s", fam.param, d)
					assert.JSONEq(t, want.value, string(p.JSON), "%s on %s", fam.param, d)
					assert.Contains(t, p.Source.Title.ZH, want.title, "%s on %s", fam.param, d)
					assert.Contains(t, p.Source.Article, want.article, "%s on %s", fam.param, d)
				}
			}
		})
	}
}

// A small input for every entry point of a Checker.
func sampleChecks(t *testing.T, c *hub.Checker, asOf hubrules.Date) []hubrules.Report {
	t.Helper()
	var out []hubrules.Report
	add := func(r hubrules.Report, err error) {
		t.Helper()
		require.NoError(t, err, asOf.String())
		out = append(out, r)
	}
	elected := asOf.AddYears(-2)
	s := hub.Structure{Hub: "h", Bodies: []hub.Body{
		{ID: "c", Kind: hub.Committee, FormalMembers: hubrules.Ptr(60), CommitteeSize: hubrules.Ptr(5), ElectedOn: elected},
		{ID: "g", Kind: hub.GeneralBranch, Parent: "c", FormalMembers: hubrules.Ptr(40), CommitteeSize: hubrules.Ptr(5), ElectedOn: elected, Community: true},
		{ID: "b", Kind: hub.Branch, Parent: "g", FormalMembers: hubrules.Ptr(8), CommitteeSize: hubrules.Ptr(3), ElectedOn: elected, ExtendedTo: elected.AddYears(6)},
		{ID: "j", Kind: hub.JointBranchBody, Parent: "c", FormalMembers: hubrules.Ptr(2), CommitteeSize: hubrules.Ptr(0), Units: []string{"u1", "u2"}},
	}}
	sr, err := c.CheckStructure(s, asOf)
	add(sr.Report, err)
	cov, err := c.Coverage(hub.Members{Hub: "h", Members: []hub.Member{
		{ID: "m1", Form: hubrules.OwnBranch, FormalMembers: hubrules.Ptr(4), CensusOn: asOf, CrossAppointed: true},
		{ID: "m2", Form: hubrules.Liaison, FormalMembers: hubrules.Ptr(2)},
	}}, asOf)
	add(cov.Report, err)
	add(c.CheckAdmin(hub.Assignments{Hub: "h", Tasks: []hub.Assignment{{Task: hub.CollectDues, Assignee: hub.AssignedToHub}}}, asOf))
	fr, err := c.CheckFunctions([]hub.Function{hub.Incubation}, asOf)
	add(fr.Report, err)
	br, err := c.CheckBoard(hub.Board{TermStarted: asOf.AddYears(-3)}, asOf)
	add(br.Report, err)
	add(c.CheckCentre(hub.Centre{RunsDoubleIncubation: true, LegalForm: hubrules.SocialServiceInstitution, OfficeM2: 120, FixedOffice: true}, asOf))
	dr, err := c.CheckDedicationDay(hub.Calendar{From: asOf.AddMonths(-3), To: asOf}, asOf)
	add(dr.Report, err)
	add(c.CheckPosts(hub.Posts{DeputySecretaries: []string{"w"}, WorkStationHead: "w", ResidentsDirector: "l", SocialWorkStationHead: "l"}, asOf))
	add(c.CheckStation(hub.Station{SocialWorkerPosts: hubrules.Ptr(1), ResidentsCommitteeStaff: hubrules.Ptr(2), CommunityOrgs: hubrules.Ptr(0)}, asOf))
	add(c.CheckFourPlusOne([]hub.BodyStaff{{Body: hub.PartyCommittee, Certified: hubrules.Ptr(1)}}, asOf))
	return out
}

func sampleSyncOrg(asOf hubrules.Date) hub.SyncOrg {
	reg := asOf.AddYears(-2)
	return hub.SyncOrg{ID: "o", FormalMembers: hubrules.Ptr(4), FormalMembersAtRegistration: hubrules.Ptr(4), PartyForm: hubrules.JointBranch, Events: []hub.SyncEvent{
		{Kind: hub.EventRegistered, Date: reg}, {Kind: hub.EventWorkPlanSubmitted, Date: reg},
		{Kind: hub.EventPartyOrgApproved, Date: reg.AddDays(10)}, {Kind: hub.EventMovedIn, Date: reg.AddDays(20)},
		{Kind: hub.EventCensusRecorded, Date: reg.AddDays(60)}, {Kind: hub.EventJointActivity, Date: asOf.AddMonths(-4)},
		{Kind: hub.EventAnnualReportFiled, Date: asOf.AddMonths(-6), PartySection: true},
		{Kind: hub.EventBoardReelected, Date: asOf.AddMonths(-2)}, {Kind: hub.EventEvaluated, Date: asOf.AddMonths(-1)},
	}}
}

// For every shipped programme and the first day of every month from
// 2003-01 to 2026-12, both checkers prepare, and every rule's outcome on a
// small input is pass, fail, not applicable or not in force; a rule not in
// force carries its notice.
func TestHUB_EveryProgrammeEveryMonthFrom2003(t *testing.T) {
	allowed := map[hubrules.Outcome]bool{hubrules.Pass: true, hubrules.Fail: true, hubrules.NotApplicable: true, hubrules.NotInForce: true}
	for _, p := range hubrules.Programmes() {
		for m := 0; m < 24*12; m++ {
			asOf := hubrules.NewDate(2003+m/12, time.Month(1+m%12), 1)
			c, err := hub.NewChecker(p, asOf)
			require.NoError(t, err, "%s %s", p, asOf)
			sc, err := hub.NewSyncChecker(p, asOf)
			require.NoError(t, err, "%s %s", p, asOf)
			sr, err := sc.Check(sampleSyncOrg(asOf), asOf)
			require.NoError(t, err, "%s %s", p, asOf)
			reports := append(sampleChecks(t, c, asOf), sr.Report())
			for _, r := range reports {
				require.NotEmpty(t, r.Checks, "%s %s", p, asOf)
				for _, ch := range r.Checks {
					require.True(t, allowed[ch.Outcome], "%s %s %s: %q", p, asOf, ch.Rule, ch.Outcome)
					if ch.Outcome == hubrules.NotInForce {
						require.True(t, hasNotice(r, ch.Rule), "%s %s %s: no notice", p, asOf, ch.Rule)
					}
				}
				assert.Equal(t, asOf, r.Basis.AsOf)
			}
		}
	}
}

func hasNotice(r hubrules.Report, rule string) bool {
	for _, f := range r.Findings {
		if f.Rule == rule && f.Severity == hubrules.Notice {
			return true
		}
	}
	return false
}

// Before 2018-10-28 no rule caps a joint branch's units: HUB-FORM-03
// answers not_in_force, naming the day it starts, and the structure's other
// rules are decided as usual.
func TestHUB_FORM_03_NotInForceLeavesTheOtherRules(t *testing.T) {
	asOf := day("2016-06-30")
	c, err := hub.NewChecker(hubrules.Wuliqiao, asOf)
	require.NoError(t, err)
	r, err := c.CheckStructure(hub.Structure{Hub: "h", Bodies: []hub.Body{
		{ID: "j", Kind: hub.JointBranchBody, FormalMembers: hubrules.Ptr(1), CommitteeSize: hubrules.Ptr(0), Units: []string{"a", "b", "c", "d", "e", "f"}},
	}}, asOf)
	require.NoError(t, err)
	assert.Equal(t, hubrules.NotInForce, r.Report.Outcome(hub.RuleForm03))
	assert.Equal(t, hubrules.Fail, r.Report.Outcome(hub.RuleStruct01), "a branch of 1 formal member")
	assert.Equal(t, hubrules.Pass, r.Report.Outcome(hub.RuleForm02))
	require.True(t, hasNotice(r.Report, hub.RuleForm03))
	for _, f := range r.Report.Findings {
		if f.Rule == hub.RuleForm03 {
			assert.Contains(t, f.Facts, hubrules.Fact{Name: "starts", Value: "2018-10-28"})
			assert.Contains(t, f.Message.ZH, "未施行")
		}
	}
	assert.True(t, r.Report.Basis.HasMissing("form.joint_branch_max_units"))
}

// The issue's example: a branch elected 2013-03-01 under "two or three
// years", its own term not given, is due but not overdue on 2015-06-30,
// and overdue on 2016-06-30; bodies keep the term they were elected for
// across 2017-10-24 and 2018-07-12.
func TestHUB_TERM_01_RangesAcrossTheRevisions(t *testing.T) {
	cases := []struct {
		name              string
		kind              hub.BodyKind
		community         bool
		elected, asOf     string
		own               int
		rule              string
		due, deadline     string
		overdue, dueSoon  bool
		outside           bool
		param, ruleFromOn string
	}{
		{"2013 branch, past the shortest", hub.Branch, false, "2013-03-01", "2015-06-30", 0, `{"allowed":[2,3]}`, "2015-03-01", "2016-03-01", false, true, false, "term.branch_years", "2012-11-14"},
		{"2013 branch, past the longest", hub.Branch, false, "2013-03-01", "2016-06-30", 0, `{"allowed":[2,3]}`, "2015-03-01", "2016-03-01", true, false, false, "term.branch_years", "2012-11-14"},
		{"2013 branch elected for 2 years", hub.Branch, false, "2013-03-01", "2015-06-30", 2, `{"allowed":[2,3]}`, "2015-03-01", "2015-03-01", true, false, false, "term.branch_years", "2012-11-14"},
		{"2013 branch elected for 4 years", hub.Branch, false, "2013-03-01", "2015-06-30", 4, `{"allowed":[2,3]}`, "2017-03-01", "2017-03-01", false, false, true, "term.branch_years", "2012-11-14"},
		{"2013 committee, 3 to 5", hub.Committee, false, "2013-03-01", "2017-06-30", 0, `{"min":3,"max":5}`, "2016-03-01", "2018-03-01", false, true, false, "term.committee_years", "2012-11-14"},
		{"elected the day before the 2017 constitution", hub.Branch, false, "2017-10-23", "2020-12-01", 0, `{"allowed":[2,3]}`, "2019-10-23", "2020-10-23", true, false, false, "term.branch_years", "2012-11-14"},
		{"elected on the 2017 constitution's day", hub.Branch, false, "2017-10-24", "2020-12-01", 0, `{"min":3,"max":5}`, "2020-10-24", "2022-10-24", false, true, false, "term.branch_years", "2017-10-24"},
		{"elected the day before the 2018 opinion", hub.Branch, false, "2018-07-11", "2022-06-30", 0, `{"min":3,"max":5}`, "2021-07-11", "2023-07-11", false, true, false, "term.branch_years", "2017-10-24"},
		{"elected on the 2018 opinion's day", hub.Branch, false, "2018-07-12", "2022-06-30", 0, "3", "2021-07-12", "2021-07-12", true, false, false, "term.branch_years", "2018-07-12"},
		{"a community branch before the opinion serves a branch's term", hub.Branch, true, "2016-01-01", "2018-06-30", 0, `{"allowed":[2,3]}`, "2018-01-01", "2019-01-01", false, true, false, "term.branch_years", "2012-11-14"},
		{"a community branch after it serves 5 years", hub.Branch, true, "2019-01-01", "2023-06-30", 0, "5", "2024-01-01", "2024-01-01", false, false, false, "term.community_years", "2018-07-12"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			asOf := day(tc.asOf)
			c, err := hub.NewChecker(hubrules.National, asOf)
			require.NoError(t, err)
			ts, err := c.Term(hub.Body{Kind: tc.kind, Community: tc.community, ElectedOn: day(tc.elected), TermYears: tc.own}, asOf)
			require.NoError(t, err)
			assert.JSONEq(t, tc.rule, ts.Rule.String())
			assert.Equal(t, tc.due, ts.Due.String())
			assert.Equal(t, tc.deadline, ts.Deadline.String())
			assert.Equal(t, tc.overdue, ts.Overdue)
			assert.Equal(t, tc.dueSoon, ts.DueSoon)
			assert.Equal(t, tc.outside, ts.OutsideRule)
			assert.Equal(t, tc.param, ts.Param)
			assert.Equal(t, tc.ruleFromOn, ts.RuleFrom.String())

			// In a structure the same term decides HUB-TERM-01, and the
			// basis cites the rule of the election date.
			r, err := c.CheckStructure(hub.Structure{Hub: "h", Bodies: []hub.Body{{ID: "x", Kind: tc.kind, Community: tc.community,
				FormalMembers: hubrules.Ptr(9), CommitteeSize: hubrules.Ptr(3), ElectedOn: day(tc.elected), TermYears: tc.own}}}, asOf)
			require.NoError(t, err)
			want := hubrules.Pass
			if tc.overdue || tc.outside {
				want = hubrules.Fail
			}
			assert.Equal(t, want, r.Report.Outcome(hub.RuleTerm01))
			var cited bool
			for _, p := range r.Report.Basis.Params {
				cited = cited || p.Name == tc.param && p.From.String() == tc.ruleFromOn
			}
			assert.True(t, cited, "the basis cites %s of %s", tc.param, tc.ruleFromOn)
			if tc.dueSoon && asOf.After(ts.Due) {
				assert.Contains(t, r.Report.Describe(hubrules.EN), "the shortest term has ended")
			}
		})
	}
	// An extension of at most one year, from the 1990 regulations.
	c, err := hub.NewChecker(hubrules.National, day("2016-06-30"))
	require.NoError(t, err)
	ts, err := c.Term(hub.Body{Kind: hub.Branch, ElectedOn: day("2013-03-01"), ExtendedTo: day("2017-03-02")}, day("2016-06-30"))
	require.NoError(t, err)
	assert.Equal(t, "2017-03-01", ts.ExtensionCap.String())
	assert.True(t, ts.ExtensionTooLong)
	// A term outside 1–20 years is bad input.
	_, err = c.Term(hub.Body{Kind: hub.Branch, ElectedOn: day("2013-03-01"), TermYears: 21}, day("2016-06-30"))
	inputError(t, err, "term_years")
	_, err = c.CheckStructure(hub.Structure{Hub: "h", Bodies: []hub.Body{{ID: "x", Kind: hub.Branch, FormalMembers: hubrules.Ptr(3), CommitteeSize: hubrules.Ptr(0), TermYears: 3}}}, day("2016-06-30"))
	inputError(t, err, "bodies[0].elected_on")
	// Elected before any term rule: not in force, with the day it starts.
	_, err = c.Term(hub.Body{Kind: hub.Branch, ElectedOn: day("2001-01-01")}, day("2016-06-30"))
	var nif *hubrules.NotInForceError
	require.ErrorAs(t, err, &nif)
	assert.Equal(t, hub.RuleTerm01, nif.Rule)
	assert.Equal(t, day("2002-11-14"), nif.Unset[0].Starts)
}

// One date per decision: a checker prepared for 2024-12-31 asked about
// 2015-06-30 answers with 2015's parameters, exactly as a checker prepared
// for 2015-06-30; handed over resolved parameters it refuses another date.
func TestHUB_OtherDateResolvesAgainOrIsRefused(t *testing.T) {
	late, early := day("2024-12-31"), day("2015-06-30")
	c24, err := hub.NewChecker(hubrules.Wuliqiao, late)
	require.NoError(t, err)
	c15, err := hub.NewChecker(hubrules.Wuliqiao, early)
	require.NoError(t, err)
	assert.Equal(t, sampleChecks(t, c15, early), sampleChecks(t, c24, early))
	r, err := c24.CheckCentre(hub.Centre{RunsDoubleIncubation: true, LegalForm: hubrules.SocialServiceInstitution}, early)
	require.NoError(t, err)
	assert.Equal(t, hubrules.NotInForce, r.Outcome(hub.RuleCentre01), "2024's standard is not applied to 2015")
	assert.Equal(t, early, r.Basis.AsOf)

	sc24, err := hub.NewSyncChecker(hubrules.Wuliqiao, late)
	require.NoError(t, err)
	sc15, err := hub.NewSyncChecker(hubrules.Wuliqiao, early)
	require.NoError(t, err)
	org := sampleSyncOrg(early)
	want, err := sc15.Check(org, early)
	require.NoError(t, err)
	got, err := sc24.Check(org, early)
	require.NoError(t, err)
	assert.Equal(t, want.Links, got.Links)
	assert.Equal(t, want.Basis(), got.Basis())
	for _, p := range got.Basis().Params {
		assert.False(t, p.From.After(early), "%s from %s applied to %s", p.Name, p.From, early)
	}
	var b hub.SyncBatch
	require.NoError(t, b.Add(&org))
	var into hub.SyncResult
	require.NoError(t, sc24.CheckBatchInto(&into, &b, 0, early))
	assert.Equal(t, want.Links, into.Links)

	// Resolved parameters apply to their own date only.
	p, basis, err := hub.Resolve(hubrules.Wuliqiao, late)
	require.NoError(t, err)
	cr, err := hub.NewChecker(hubrules.Wuliqiao, late, hub.WithResolved(p, basis))
	require.NoError(t, err)
	_, err = cr.CheckAdmin(hub.Assignments{Hub: "h"}, early)
	otherDate(t, err, "as_of")
	_, err = cr.Term(hub.Body{Kind: hub.Branch, ElectedOn: day("2023-01-01")}, late)
	otherDate(t, err, "elected_on")
	_, err = cr.CheckAdmin(hub.Assignments{Hub: "h"}, late)
	require.NoError(t, err)
	sp, sb, err := hub.ResolveSync(hubrules.Wuliqiao, late)
	require.NoError(t, err)
	scr, err := hub.NewSyncChecker(hubrules.Wuliqiao, late, hub.WithResolved(sp, sb))
	require.NoError(t, err)
	_, err = scr.Check(org, early)
	otherDate(t, err, "as_of")
	err = scr.CheckBatchInto(&into, &b, 0, early)
	otherDate(t, err, "as_of")
	assert.Equal(t, hub.SyncResult{}, into, "a refused check leaves the zero result")
}

func otherDate(t *testing.T, err error, path string) {
	t.Helper()
	inputError(t, err, path)
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	f, _ := ie.Field(path)
	assert.Equal(t, "other_date", f.Code)
}

// A link whose parameter is not in force answers not_in_force (reason
// not_in_force) with its notice, in JSON too, and the other links are
// decided; on the checker's own date CheckInto allocates nothing.
func TestSYNC_LinkNotInForce(t *testing.T) {
	mine := hubrules.MustParseParams([]byte(`package: hub
parameters:
  sync2_census_max_days:
    description: {zh: 入驻后完成排摸的最多天数}
    values:
      - {programme: national, from: 2020-01-01, value: 30, confidence: illustrative, source: {title: {zh: "〔测试〕"}, issuer: hubrules}}
`))
	asOf := day("2019-06-30")
	sc, err := hub.NewSyncChecker(hubrules.Kaixuan, asOf, hub.WithParams(hub.DefaultParamSet().Overlay(mine)))
	require.NoError(t, err)
	org := sampleSyncOrg(asOf)
	r, err := sc.Check(org, asOf)
	require.NoError(t, err)
	l := r.Link(hub.LinkMoveIn)
	assert.Equal(t, hubrules.NotInForce, l.Outcome)
	assert.Equal(t, "not_in_force", l.Reason.Code())
	assert.Equal(t, hubrules.Pass, r.Link(hub.LinkRegistration).Outcome)
	rep := r.Report()
	assert.Equal(t, hubrules.NotInForce, rep.Outcome("SYNC-2"))
	require.True(t, hasNotice(rep, "SYNC-2"))
	data, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"outcome":"not_in_force","reason":"not_in_force"`)
	var back hub.SyncResult
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, rep, back.Report(), "a decoded result gives the same notice")

	var into hub.SyncResult
	allocs := testing.AllocsPerRun(50, func() { _ = sc.CheckInto(&into, &org, asOf) })
	assert.Zero(t, allocs)
	assert.True(t, strings.Contains(sc.Basis().Describe(hubrules.EN), "as of 2019-06-30"))
}

// YearsRule reads a number, a range and a set, from a parameter file and
// from JSON, and refuses anything else.
func TestYearsRule_Forms(t *testing.T) {
	for _, tc := range []struct {
		json string
		want hub.YearsRule
		text string
	}{
		{`5`, hub.Years(5), "5 years"},
		{`{"min":3,"max":5}`, hub.YearsRange(3, 5), "3–5 years"},
		{`{"allowed":[3,2]}`, hub.YearsSet(2, 3), "2 or 3 years"},
	} {
		var r hub.YearsRule
		require.NoError(t, json.Unmarshal([]byte(tc.json), &r), tc.json)
		assert.Equal(t, tc.want, r)
		assert.True(t, r.Valid())
		assert.Equal(t, tc.text, r.Describe(hubrules.EN))
		back, err := json.Marshal(r)
		require.NoError(t, err)
		var again hub.YearsRule
		require.NoError(t, json.Unmarshal(back, &again))
		assert.Equal(t, r, again)
	}
	for _, bad := range []string{`"5"`, `{"min":3}`, `{"min":3,"max":5,"allowed":[3]}`, `{"allowed":[]}`, `{"years":3}`, `[3]`} {
		var r hub.YearsRule
		assert.Error(t, json.Unmarshal([]byte(bad), &r), bad)
	}
	assert.False(t, hub.YearsRange(5, 3).Valid())
	assert.False(t, hub.Years(0).Valid())
	assert.False(t, hub.Years(21).Valid())
	assert.True(t, hub.YearsSet(2, 3).Allows(3))
	assert.False(t, hub.YearsSet(2, 3).Allows(4))
	assert.False(t, hub.YearsRange(3, 5).Allows(6))

	// In a parameter file: a bad term is refused when the checker is
	// prepared, naming the parameter.
	mine := hubrules.MustParseParams([]byte(`package: hub
parameters:
  term.branch_years:
    description: {zh: 支部任期}
    values:
      - {programme: national, from: 2003-01-01, value: {min: 4, max: 2}, confidence: illustrative, source: {title: {zh: "〔测试〕"}, issuer: hubrules}}
`))
	_, err := hub.NewChecker(hubrules.National, day("2010-01-01"), hub.WithParams(hub.DefaultParamSet().Overlay(mine)))
	inputError(t, err, "params.BranchTermYears")
	bad := hubrules.MustParseParams([]byte(`package: hub
parameters:
  term.branch_years:
    description: {zh: 支部任期}
    values:
      - {programme: national, from: 2003-01-01, value: {between: [2, 3]}, confidence: illustrative, source: {title: {zh: "〔测试〕"}, issuer: hubrules}}
`))
	_, err = hub.NewChecker(hubrules.National, day("2010-01-01"), hub.WithParams(hub.DefaultParamSet().Overlay(bad)))
	inputError(t, err, "parameters.term.branch_years.value")
}
