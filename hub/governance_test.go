package hub_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

func TestHUB_ADMIN_01_AdminTasksNeverToHub(t *testing.T) {
	c := checker(t, hubrules.Lujiazui)
	in := hub.Assignments{Hub: "lujiazui", Tasks: []hub.Assignment{
		{Task: hub.TransferMembership, Assignee: hub.AssignedToCentre},
		{Task: hub.CollectDues, Assignee: hub.AssignedToHub},
		{Task: hub.StatisticalReturns, Assignee: hub.AssignedToHub},
		{Task: hub.RemoteEducation, Assignee: hub.AssignedToHub},
		{Task: hub.NetworkMaintenance, Assignee: hub.AssignedToHub},
		{Task: hub.OrganizeActivities, Assignee: hub.AssignedToHub},
		{Task: hub.PartyProjects, Assignee: hub.AssignedToHub},
	}}
	r, err := c.CheckAdmin(in, asOf)
	require.NoError(t, err)
	var subjects []string
	for _, f := range r.FindingsFor(hub.RuleAdmin01) {
		subjects = append(subjects, f.Subject)
	}
	assert.Equal(t, []string{"collect_dues", "statistical_returns", "remote_education", "network_maintenance"}, subjects)
	assert.Equal(t, hubrules.Fail, r.Outcome(hub.RuleAdmin01))
	assert.Empty(t, r.Basis.Unverified(), "lujiazui's own list is verified")

	n := checker(t, hubrules.National)
	r, err = n.CheckAdmin(hub.Assignments{Tasks: []hub.Assignment{{Task: hub.Training, Assignee: hub.AssignedToHub}}}, asOf)
	require.NoError(t, err)
	assert.Equal(t, hubrules.Pass, r.Outcome(hub.RuleAdmin01))
	require.Len(t, r.Basis.Unverified(), 1, "the national list is lujiazui's, a stand-in")
	assert.Contains(t, r.Describe(hubrules.EN), "not verified: admin.admin_only_tasks(illustrative)")

	_, err = c.CheckAdmin(hub.Assignments{Tasks: []hub.Assignment{{Task: "dues", Assignee: hub.AssignedToHub}}}, asOf)
	inputError(t, err, "tasks[0].task")
	_, err = c.CheckAdmin(hub.Assignments{Tasks: []hub.Assignment{{Task: hub.CollectDues, Assignee: "street"}}}, asOf)
	inputError(t, err, "tasks[0].assignee")
}

func TestHUB_FUNC_01_FiveFunctions(t *testing.T) {
	c := checker(t, hubrules.Lujiazui)
	r, err := c.CheckFunctions([]hub.Function{hub.Incubation, hub.Voice, hub.Incubation, hub.ResourceSupport}, asOf)
	require.NoError(t, err)
	assert.Equal(t, []hub.Function{hub.Incubation, hub.ResourceSupport, hub.Voice}, r.Covered)
	assert.Equal(t, []hub.Function{hub.LiaisonService, hub.TalentGathering}, r.Missing)
	assert.Equal(t, hubrules.Fail, r.Report.Outcome(hub.RuleFunc01))
	assert.Len(t, r.Report.FindingsFor(hub.RuleFunc01), 2)
	r, err = c.CheckFunctions([]hub.Function{hub.Incubation, hub.LiaisonService, hub.ResourceSupport, hub.Voice, hub.TalentGathering}, asOf)
	require.NoError(t, err)
	assert.Empty(t, r.Missing)
	assert.Equal(t, hubrules.Pass, r.Report.Outcome(hub.RuleFunc01))
	_, err = c.CheckFunctions([]hub.Function{"fundraising"}, asOf)
	inputError(t, err, "functions[0]")
}

func TestHUB_BOARD_01_Terms(t *testing.T) {
	c := checker(t, hubrules.Lujiazui)
	d := hubrules.MustParseDate
	cases := []struct {
		started string
		years   int
		overdue bool
		soon    bool
	}{
		{"2019-06-30", 0, false, true},  // ends on as_of: due, not overdue
		{"2019-06-29", 0, true, false},  // ended yesterday
		{"2019-10-01", 0, false, false}, // 93 days left
		{"2019-09-28", 0, false, true},  // 90 days left
		{"2021-06-29", 3, true, false},  // charter term of 3 years
	}
	for _, tc := range cases {
		r, err := c.CheckBoard(hub.Board{TermStarted: d(tc.started), TermYears: tc.years}, asOf)
		require.NoError(t, err)
		assert.Equal(t, tc.overdue, r.Overdue, tc.started)
		assert.Equal(t, tc.soon, r.DueSoon, tc.started)
		if tc.overdue {
			assert.Equal(t, hubrules.Fail, r.Report.Outcome(hub.RuleBoard01))
			assert.Equal(t, hubrules.Violation, r.Report.FindingsFor(hub.RuleBoard01)[0].Severity)
		}
		if tc.soon {
			assert.Equal(t, hubrules.Warning, r.Report.FindingsFor(hub.RuleBoard01)[0].Severity)
		}
		_, usedTerm := r.Report.Basis.Param("board.term_years")
		assert.Equal(t, tc.years == 0, usedTerm, "the illustrative term is in the basis only when used")
	}
	_, err := c.CheckBoard(hub.Board{}, asOf)
	inputError(t, err, "term_started")
	_, err = c.CheckBoard(hub.Board{TermStarted: d("2025-01-01")}, asOf)
	inputError(t, err, "term_started")
	_, err = c.CheckBoard(hub.Board{TermStarted: d("2020-01-01"), TermYears: -1}, asOf)
	inputError(t, err, "term_years")
}

func TestHUB_CENTRE_01_Conditions(t *testing.T) {
	c := checker(t, hubrules.Kaixuan)
	ok := hub.Centre{RunsDoubleIncubation: true, LegalForm: hubrules.SocialServiceInstitution, OfficeM2: 100, FixedOffice: true, ExternalOperator: true, OperatorGrade: hubrules.Grade3A}
	r, err := c.CheckCentre(ok, asOf)
	require.NoError(t, err)
	assert.Equal(t, hubrules.Pass, r.Outcome(hub.RuleCentre01))
	require.Len(t, r.Basis.Unverified(), 2)
	assert.Equal(t, hubrules.Secondary, r.Basis.Unverified()[0].Confidence)

	bad := hub.Centre{RunsDoubleIncubation: true, LegalForm: hubrules.SocialGroup, OfficeM2: 99, FixedOffice: false, ExternalOperator: true, OperatorGrade: hubrules.Grade2A}
	r, err = c.CheckCentre(bad, asOf)
	require.NoError(t, err)
	assert.Equal(t, hubrules.Fail, r.Outcome(hub.RuleCentre01))
	assert.Len(t, r.FindingsFor(hub.RuleCentre01), 4, "every unmet condition is listed")

	noGrade := ok
	noGrade.OperatorGrade = hubrules.NoGrade
	r, _ = c.CheckCentre(noGrade, asOf)
	assert.Equal(t, hubrules.Fail, r.Outcome(hub.RuleCentre01))
	local := noGrade
	local.ExternalOperator = false
	r, _ = c.CheckCentre(local, asOf)
	assert.Equal(t, hubrules.Pass, r.Outcome(hub.RuleCentre01))
	r, _ = c.CheckCentre(hub.Centre{LegalForm: hubrules.SocialGroup}, asOf)
	assert.Equal(t, hubrules.NotApplicable, r.Outcome(hub.RuleCentre01))

	_, err = c.CheckCentre(hub.Centre{LegalForm: "company"}, asOf)
	inputError(t, err, "legal_form")
	_, err = c.CheckCentre(hub.Centre{LegalForm: hubrules.Foundation, OfficeM2: -5}, asOf)
	inputError(t, err, "office_m2")
}

func TestHUB_DAY_01_DedicationDay(t *testing.T) {
	c := checker(t, hubrules.Kaixuan)
	d := hubrules.MustParseDate
	for _, tc := range []struct {
		day     string
		missing bool
	}{{"2024-05-24", true}, {"2024-05-25", false}, {"2024-05-26", true}} {
		r, err := c.CheckDedicationDay(hub.Calendar{From: d("2024-05-01"), To: d("2024-05-31"), Activities: []hubrules.Date{d(tc.day)}}, asOf)
		require.NoError(t, err)
		assert.Equal(t, 1, r.Checked)
		if tc.missing {
			assert.Equal(t, []hubrules.Date{d("2024-05-25")}, r.Missing, tc.day)
			assert.Equal(t, hubrules.Fail, r.Report.Outcome(hub.RuleDay01))
			assert.Equal(t, "2024-05", r.Report.FindingsFor(hub.RuleDay01)[0].Subject)
		} else {
			assert.Empty(t, r.Missing, tc.day)
			assert.Equal(t, hubrules.Pass, r.Report.Outcome(hub.RuleDay01))
		}
	}
	// A year across new year: only December and February missing; June is
	// after as_of and not yet due.
	acts := []hubrules.Date{d("2023-11-25"), d("2024-01-25"), d("2024-03-25"), d("2024-04-25"), d("2024-05-25")}
	r, err := c.CheckDedicationDay(hub.Calendar{From: d("2023-11-26"), To: d("2024-12-31"), Activities: acts}, d("2024-06-24"))
	require.NoError(t, err)
	assert.Equal(t, []hubrules.Date{d("2023-12-25"), d("2024-02-25")}, r.Missing)
	assert.Equal(t, 6, r.Checked)
	assert.Empty(t, r.Report.Basis.Unverified(), "kaixuan's own day is verified")

	_, err = c.CheckDedicationDay(hub.Calendar{From: d("2024-05-01"), To: d("2024-04-30")}, asOf)
	inputError(t, err, "to")
}

func TestHUB_XIYUAN_01_ConcurrentPosts(t *testing.T) {
	c := checker(t, hubrules.Xiyuan)
	good := hub.Posts{DeputySecretaries: []string{"wang", "li"}, ResidentsDirector: "li", ResidentsDirectorIsMember: true, WorkStationHead: "wang", SocialWorkStationHead: "li"}
	r, err := c.CheckPosts(good, asOf)
	require.NoError(t, err)
	assert.Equal(t, hubrules.Pass, r.Outcome(hub.RuleXiyuan01))
	bad := hub.Posts{DeputySecretaries: []string{"wang"}, ResidentsDirector: "li", ResidentsDirectorIsMember: true, WorkStationHead: "zhao", SocialWorkStationHead: "chen"}
	r, err = c.CheckPosts(bad, asOf)
	require.NoError(t, err)
	assert.Len(t, r.FindingsFor(hub.RuleXiyuan01), 3)
	nonMember := bad
	nonMember.ResidentsDirectorIsMember = false
	r, _ = c.CheckPosts(nonMember, asOf)
	assert.Len(t, r.FindingsFor(hub.RuleXiyuan01), 2)
	_, err = c.CheckPosts(hub.Posts{DeputySecretaries: []string{""}}, asOf)
	inputError(t, err, "deputy_secretaries[0]")
}

func TestHUB_XIYUAN_02_Station(t *testing.T) {
	c := checker(t, hubrules.Xiyuan)
	r, err := c.CheckStation(hub.Station{SocialWorkerPosts: hubrules.Ptr(1), ResidentsCommitteeStaff: hubrules.Ptr(2), CommunityOrgs: hubrules.Ptr(1)}, asOf)
	require.NoError(t, err)
	assert.Equal(t, hubrules.Pass, r.Outcome(hub.RuleXiyuan02))
	r, err = c.CheckStation(hub.Station{SocialWorkerPosts: hubrules.Ptr(0), ResidentsCommitteeStaff: hubrules.Ptr(1), CommunityOrgs: hubrules.Ptr(0)}, asOf)
	require.NoError(t, err)
	assert.Equal(t, hubrules.Fail, r.Outcome(hub.RuleXiyuan02))
	assert.Len(t, r.FindingsFor(hub.RuleXiyuan02), 3)
	_, err = c.CheckStation(hub.Station{SocialWorkerPosts: hubrules.Ptr(-1)}, asOf)
	inputError(t, err, "social_worker_posts")
	// A count left out is missing data, not a shortfall.
	_, err = c.CheckStation(hub.Station{SocialWorkerPosts: hubrules.Ptr(1), CommunityOrgs: hubrules.Ptr(1)}, asOf)
	inputError(t, err, "residents_committee_members")
}

func TestHUB_XIYUAN_03_FourPlusOne(t *testing.T) {
	c := checker(t, hubrules.Xiyuan)
	all := []hub.BodyStaff{{hub.PartyCommittee, hubrules.Ptr(1)}, {hub.ResidentsCommittee, hubrules.Ptr(2)}, {hub.WorkStation, hubrules.Ptr(1)}, {hub.SocialWorkStation, hubrules.Ptr(3)}}
	r, err := c.CheckFourPlusOne(all, asOf)
	require.NoError(t, err)
	assert.Equal(t, hubrules.Pass, r.Outcome(hub.RuleXiyuan03))
	r, err = c.CheckFourPlusOne([]hub.BodyStaff{{hub.PartyCommittee, hubrules.Ptr(1)}, {hub.WorkStation, hubrules.Ptr(0)}}, asOf)
	require.NoError(t, err)
	var subjects []string
	for _, f := range r.FindingsFor(hub.RuleXiyuan03) {
		subjects = append(subjects, f.Subject)
	}
	assert.Equal(t, []string{"residents_committee", "work_station", "social_work_station"}, subjects)
	_, err = c.CheckFourPlusOne([]hub.BodyStaff{{hub.WorkStation, hubrules.Ptr(1)}, {hub.WorkStation, hubrules.Ptr(1)}}, asOf)
	inputError(t, err, "bodies[1].body")
	_, err = c.CheckFourPlusOne([]hub.BodyStaff{{"school", hubrules.Ptr(1)}}, asOf)
	inputError(t, err, "bodies[0].body")
	_, err = c.CheckFourPlusOne([]hub.BodyStaff{{hub.WorkStation, hubrules.Ptr(-1)}}, asOf)
	inputError(t, err, "bodies[0].certified")
	// A listed body whose count is left out is missing data, not "none".
	_, err = c.CheckFourPlusOne([]hub.BodyStaff{{Body: hub.WorkStation}}, asOf)
	inputError(t, err, "bodies[0].certified")
}

func TestRules_CatalogueAndParams(t *testing.T) {
	cat := hub.Rules()
	assert.Len(t, cat, 23, "17 HUB-* rules and the six SYNC-* links")
	for _, id := range []string{"HUB-FORM-01", "HUB-FORM-02", "HUB-FORM-03", "HUB-TERM-01", "HUB-COV-01", "HUB-COV-02", "HUB-XAPT-01",
		"HUB-STRUCT-01", "HUB-CENSUS-01", "HUB-ADMIN-01", "HUB-FUNC-01", "HUB-BOARD-01", "HUB-XIYUAN-01", "HUB-XIYUAN-02",
		"HUB-XIYUAN-03", "HUB-CENTRE-01", "HUB-DAY-01", "SYNC-1", "SYNC-2", "SYNC-3", "SYNC-4", "SYNC-5", "SYNC-6"} {
		_, ok := cat.Lookup(id)
		assert.True(t, ok, id)
	}
	set, syncSet := hub.DefaultParamSet(), hub.DefaultParamSet()
	for _, r := range cat {
		assert.Equal(t, "hub", r.Package)
		assert.NotEmpty(t, r.Title.ZH, r.ID)
		assert.NotEmpty(t, r.Title.EN, r.ID)
		assert.NotEmpty(t, r.Source.Title.ZH, r.ID)
		for _, p := range r.Params {
			assert.NotEmpty(t, append(set.Values(p), syncSet.Values(p)...), "%s reads unknown param %s", r.ID, p)
		}
	}
	for _, p := range hubrules.Programmes() {
		c, err := hub.NewChecker(p, hubrules.MustParseDate("2024-01-01"))
		require.NoError(t, err, p)
		assert.Equal(t, 3, c.Params().OwnBranchMinFormal)
	}
	// The branch thresholds and the terms are verified (their articles and
	// paragraphs were read); the general-branch and committee thresholds
	// come by analogy from the organ regulations, and the 2022
	// constitution's article number was not read: those are secondary.
	b := checker(t, hubrules.National).Basis()
	for _, name := range []string{"form.committee_min_formal", "form.joint_branch_max_units", "term.committee_years", "term.branch_years", "term.max_extension_months"} {
		p, ok := b.Param(name)
		require.True(t, ok, name)
		assert.Equal(t, hubrules.Verified, p.Confidence, name)
	}
	for _, name := range []string{"form.general_branch_min_members", "form.committee_min_members", "form.own_branch_min_formal"} {
		p, ok := b.Param(name)
		require.True(t, ok, name)
		assert.Equal(t, hubrules.Secondary, p.Confidence, name)
	}
	// Before its rules' parameters are in force a checker still builds;
	// the parameters are listed as missing with the day each starts.
	early, err := hub.NewChecker(hubrules.National, hubrules.MustParseDate("2003-01-01"))
	require.NoError(t, err)
	assert.True(t, early.Basis().HasMissing("centre.min_office_m2"))
	p, basis, err := hub.Resolve(hubrules.National, asOf)
	require.NoError(t, err)
	p.CrossAppointmentTarget = "abc"
	_, err = hub.NewChecker(basis.Programme, basis.AsOf, hub.WithResolved(p, basis))
	inputError(t, err, "params.CrossAppointmentTarget")
}
