package incubation_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/incubation"
)

// Every state × trigger: allowed edges fire (with good facts) to the state
// of docs/rules.md; every other pair is a *TransitionError.
func TestMachine_Fire_EveryStateTimesTrigger(t *testing.T) {
	m := machine(t)
	want := map[incubation.State]map[incubation.Trigger]incubation.State{
		incubation.Applied:    {incubation.Admit: incubation.Incubating, incubation.Reject: incubation.Rejected},
		incubation.Incubating: {incubation.Promote: incubation.Growing, incubation.Extend: incubation.Incubating, incubation.Exit: incubation.Exited, incubation.Terminate: incubation.Terminated},
		incubation.Growing:    {incubation.Graduate: incubation.Graduated, incubation.Extend: incubation.Growing, incubation.Exit: incubation.Exited, incubation.Terminate: incubation.Terminated},
		incubation.Graduated:  {incubation.Engage: incubation.Governing},
		incubation.Governing:  {},
		incubation.Rejected:   {},
		incubation.Exited:     {},
		incubation.Terminated: {},
	}
	for _, s := range incubation.States() {
		rec := recordIn(t, m, s)
		for _, tr := range incubation.Triggers() {
			t.Run(string(s)+"/"+string(tr), func(t *testing.T) {
				to, allowed := want[s][tr]
				assert.Equal(t, allowed, incubation.Can(s, tr))
				next, dec, err := m.Fire(rec, tr, goodFacts(tr), day0.AddYears(1))
				if !allowed {
					require.Error(t, err)
					assert.ErrorIs(t, err, incubation.ErrTransitionNotAllowed)
					var te *incubation.TransitionError
					require.True(t, errors.As(err, &te))
					assert.Equal(t, s, te.State)
					assert.Equal(t, tr, te.Trigger)
					assert.Equal(t, incubation.Allowed(s), te.Allowed)
					assert.Equal(t, rec, next, "the record is returned unchanged")
					return
				}
				require.NoError(t, err)
				assert.True(t, dec.Fired(), "%v", dec.Unmet())
				assert.Equal(t, to, next.State)
				assert.Len(t, next.History, len(rec.History)+1)
			})
		}
		assert.Equal(t, len(want[s]) == 0, s.Final())
		assert.Len(t, incubation.Allowed(s), len(want[s]))
	}
}

func TestMachine_Allowed_Introspection(t *testing.T) {
	assert.Equal(t, []incubation.Trigger{incubation.Admit, incubation.Reject}, incubation.Allowed(incubation.Applied))
	assert.Equal(t, []incubation.Trigger{incubation.Graduate, incubation.Extend, incubation.Exit, incubation.Terminate}, incubation.Allowed(incubation.Growing))
	assert.Empty(t, incubation.Allowed("nowhere"))
	assert.Len(t, incubation.Transitions(), 11)
	te := &incubation.TransitionError{State: incubation.Governing, Trigger: incubation.Exit}
	assert.Contains(t, te.Error(), "governing does not allow exit")
}

func TestMachine_Fire_DoesNotModifyInput(t *testing.T) {
	m := machine(t)
	rec := recordIn(t, m, incubation.Growing)
	rec.History = append(make([]incubation.Entry, 0, len(rec.History)+5), rec.History...) // spare capacity must not be reused
	before := len(rec.History)
	snapshot := append([]incubation.Entry(nil), rec.History...)
	f := gradFacts()
	f.ProjectsDelivered = hubrules.Ptr(0)
	next, dec, err := m.Fire(rec, incubation.Graduate, f, day0.AddYears(1))
	require.NoError(t, err)
	assert.False(t, dec.Fired())
	assert.Equal(t, before, len(rec.History))
	assert.Equal(t, snapshot, rec.History)
	assert.Equal(t, incubation.Growing, rec.State)
	next.History[0].Actor = "changed"
	assert.NotEqual(t, "changed", rec.History[0].Actor)
	// a decision's basis is its own: changing it does not change the machine
	dec.Basis.Params[0].Value = "999"
	assert.NotEqual(t, "999", m.Basis().Params[0].Value)
}

func TestINC_ADMIT_01_Admission(t *testing.T) {
	m := machine(t)
	rec := incubation.NewRecord("org-1")
	t.Run("pass as organization", func(t *testing.T) {
		next, dec := fire(t, m, rec, incubation.Admit, admitFacts(), day0)
		assert.True(t, dec.Fired())
		assert.Equal(t, incubation.Incubating, next.State)
		assert.Equal(t, incubation.AsOrganization, next.Mode)
		assert.Equal(t, incubation.SocialBase, next.Base)
		assert.Equal(t, incubation.Sprouting, next.Class)
		assert.Equal(t, day0, next.TermStart)
		assert.Equal(t, "2025-02-28", next.TermEnd.String())
	})
	t.Run("pass as project (jingan 项目化入驻)", func(t *testing.T) {
		f := admitFacts()
		f.EntryMode = incubation.AsProject
		next, dec := fire(t, m, rec, incubation.Admit, f, day0)
		assert.True(t, dec.Fired())
		assert.Equal(t, incubation.AsProject, next.Mode)
	})
	t.Run("refused lists every unmet criterion", func(t *testing.T) {
		next, dec := fire(t, m, rec, incubation.Admit, incubation.Facts{Actor: "x"}, day0)
		assert.Equal(t, incubation.Refused, dec.Outcome)
		assert.Equal(t, incubation.Applied, next.State)
		codes := []string{}
		for _, c := range dec.Unmet() {
			codes = append(codes, c.Code)
		}
		// no entry mode is the organization itself, and kaixuan asks for no base
		assert.Equal(t, []string{"serves_community", "leader", "census_done"}, codes)
		assert.Equal(t, []string{"INC-ADMIT-01"}, dec.UnmetRules())
		require.Len(t, next.History, 1)
		assert.Equal(t, incubation.Refused, next.History[0].Outcome)
		assert.Equal(t, "x", next.History[0].Actor)
	})
}

func TestINC_PERIOD_01_TermAndExtension(t *testing.T) {
	m := machine(t)
	rec := recordIn(t, m, incubation.Incubating) // admitted 2024-03-31
	require.Equal(t, "2024-03-31", rec.TermStart.String())
	end := rec.TermEnd
	require.Equal(t, "2025-03-30", end.String())

	_, over := incubation.Overdue(rec, end)
	assert.False(t, over, "the last day of the term is not overdue")
	f, over := incubation.Overdue(rec, end.AddDays(1))
	require.True(t, over, "the day after the term is overdue")
	assert.Equal(t, "INC-PERIOD-01", f.Rule)
	assert.Equal(t, hubrules.Violation, f.Severity)
	assert.Contains(t, f.Facts, hubrules.Fact{Name: "days_overdue", Value: "1"})

	ext, dec := fire(t, m, rec, incubation.Extend, incubation.Facts{}, end.AddDays(-10))
	require.True(t, dec.Fired())
	assert.Equal(t, 1, ext.Extensions)
	// 2025-03-31 + 6 months is 2025-09-30 (no 31 September), and the term ends the day before
	assert.Equal(t, "2025-09-29", ext.TermEnd.String(), "one extension of 6 months")
	_, over = incubation.Overdue(ext, end.AddDays(1))
	assert.False(t, over, "extended: not overdue")
	_, over = incubation.Overdue(ext, ext.TermEnd.AddDays(1))
	assert.True(t, over)

	// a second extension is refused, in growing too
	grown, _ := fire(t, m, ext, incubation.Promote, incubation.Facts{}, end)
	again, dec := fire(t, m, grown, incubation.Extend, incubation.Facts{}, end)
	assert.Equal(t, incubation.Refused, dec.Outcome)
	require.Len(t, dec.Unmet(), 1)
	u := dec.Unmet()[0]
	assert.Equal(t, "INC-PERIOD-01", u.Rule)
	assert.Equal(t, incubation.ParamExtensionMax, u.Param)
	assert.Equal(t, "1", u.Threshold)
	assert.Equal(t, []hubrules.Fact{{Name: "extensions_used", Value: "1"}}, u.Facts)
	assert.Equal(t, ext.TermEnd, again.TermEnd)

	// not overdue in other states
	grad := recordIn(t, m, incubation.Graduated)
	_, over = incubation.Overdue(grad, day0.AddYears(10))
	assert.False(t, over)
}

func TestINC_GRAD_01_Graduation(t *testing.T) {
	m := machine(t)
	rec := recordIn(t, m, incubation.Growing)
	date := day0.AddYears(1)
	cases := []struct {
		name  string
		edit  func(*incubation.Facts)
		unmet []string
	}{
		{"all criteria at their thresholds", func(*incubation.Facts) {}, nil},
		{"registered instead of filed", func(f *incubation.Facts) { f.Registration = incubation.Registered }, nil},
		{"own premises instead of an agreement", func(f *incubation.Facts) { f.PremisesAgreement, f.OwnPremises = false, true }, nil},
		{"not registered", func(f *incubation.Facts) { f.Registration = incubation.Unregistered }, []string{"registered"}},
		{"no board", func(f *incubation.Facts) { f.OwnBoard = false }, []string{"own_board"}},
		{"no accounts", func(f *incubation.Facts) { f.OwnAccounts = false }, []string{"own_accounts"}},
		{"no premises", func(f *incubation.Facts) { f.PremisesAgreement = false }, []string{"premises"}},
		{"0 projects", func(f *incubation.Facts) { f.ProjectsDelivered = hubrules.Ptr(0) }, []string{"projects_delivered"}},
		{"assessment 59", func(f *incubation.Facts) { f.AssessmentScore = incubation.ScoreOf(hubrules.Pt(59)) }, []string{"assessment_score"}},
		{"assessment 59.9", func(f *incubation.Facts) { f.AssessmentScore = incubation.ScoreOf(hubrules.MustPoints("59.9")) }, []string{"assessment_score"}},
		{"no assessment", func(f *incubation.Facts) { f.AssessmentScore = nil }, []string{"assessment_score"}},
		{"satisfaction 79", func(f *incubation.Facts) { f.SatisfactionPercent = incubation.ScoreOf(hubrules.Pt(79)) }, []string{"satisfaction_percent"}},
		{"satisfaction 79.9", func(f *incubation.Facts) { f.SatisfactionPercent = incubation.ScoreOf(hubrules.MustPoints("79.9")) }, []string{"satisfaction_percent"}},
		{"no satisfaction measured", func(f *incubation.Facts) { f.SatisfactionPercent = nil }, []string{"satisfaction_percent"}},
		{"assessment 100, satisfaction 100", func(f *incubation.Facts) {
			f.AssessmentScore, f.SatisfactionPercent = incubation.ScoreOf(hubrules.Pt(100)), incubation.ScoreOf(hubrules.Pt(100))
		}, nil},
		{"3 members, joint branch: own branch needed", func(f *incubation.Facts) { f.PartyForm = hubrules.JointBranch }, []string{"party_coverage"}},
		{"2 members, activity branch", func(f *incubation.Facts) { f.FormalMembers, f.PartyForm = hubrules.Ptr(2), hubrules.ActivityBranch }, nil},
		{"2 members, joint branch", func(f *incubation.Facts) { f.FormalMembers, f.PartyForm = hubrules.Ptr(2), hubrules.JointBranch }, nil},
		{"1 member, liaison only", func(f *incubation.Facts) { f.FormalMembers, f.PartyForm = hubrules.Ptr(1), hubrules.Liaison }, []string{"party_coverage"}},
		{"0 members, liaison", func(f *incubation.Facts) { f.FormalMembers, f.PartyForm = hubrules.Ptr(0), hubrules.Liaison }, nil},
		{"0 members, nothing", func(f *incubation.Facts) { f.FormalMembers, f.PartyForm = hubrules.Ptr(0), "" }, []string{"party_coverage"}},
		{"everything missing but the counts (0)", func(f *incubation.Facts) {
			*f = incubation.Facts{FormalMembers: hubrules.Ptr(0), ProjectsDelivered: hubrules.Ptr(0)}
		},
			[]string{"registered", "own_board", "own_accounts", "premises", "party_coverage", "projects_delivered", "assessment_score", "satisfaction_percent"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := gradFacts()
			tc.edit(&f)
			next, dec := fire(t, m, rec, incubation.Graduate, f, date)
			assert.Len(t, dec.Criteria, 8, "every criterion is evaluated")
			var codes []string
			for _, c := range dec.Unmet() {
				codes = append(codes, c.Code)
				assert.Equal(t, "INC-GRAD-01", c.Rule)
				assert.NotEmpty(t, c.Facts)
				assert.NotEmpty(t, c.Message.ZH)
				assert.NotEmpty(t, c.Message.EN)
			}
			assert.Equal(t, tc.unmet, codes)
			if tc.unmet == nil {
				assert.Equal(t, incubation.Graduated, next.State)
			} else {
				assert.Equal(t, incubation.Growing, next.State)
				assert.Equal(t, hubrules.Fail, dec.Report().Outcome("INC-GRAD-01"))
				assert.Len(t, dec.Findings(), len(tc.unmet))
			}
		})
	}
	t.Run("thresholds and parameters are named", func(t *testing.T) {
		f := gradFacts()
		f.AssessmentScore = incubation.ScoreOf(hubrules.Pt(59))
		_, dec := fire(t, m, rec, incubation.Graduate, f, date)
		u := dec.Unmet()[0]
		assert.Equal(t, incubation.ParamMinAssessment, u.Param)
		assert.Equal(t, "60", u.Threshold)
		assert.Equal(t, []hubrules.Fact{{Name: "assessment_score", Value: "59"}}, u.Facts)
		p, ok := dec.Basis.Param(incubation.ParamMinAssessment)
		require.True(t, ok)
		assert.Equal(t, hubrules.Illustrative, p.Confidence)
	})
}

func TestINC_GRAD_01_RequiredPartyForm(t *testing.T) {
	assert.Equal(t, hubrules.OwnBranch, hubrules.RequiredPartyForm(3, 3))
	assert.Equal(t, hubrules.JointBranch, hubrules.RequiredPartyForm(2, 3))
	assert.Equal(t, hubrules.JointBranch, hubrules.RequiredPartyForm(1, 3))
	assert.Equal(t, hubrules.Liaison, hubrules.RequiredPartyForm(0, 3))
}

func TestINC_GOV_01_Engage(t *testing.T) {
	m := machine(t)
	rec := recordIn(t, m, incubation.Graduated)
	for _, g := range []incubation.GovernanceProject{incubation.PurchasedService, incubation.ClaimedProject} {
		next, dec := fire(t, m, rec, incubation.Engage, incubation.Facts{GovernanceProject: g}, day0.AddYears(2))
		assert.True(t, dec.Fired())
		assert.Equal(t, incubation.Governing, next.State)
	}
	for _, g := range []incubation.GovernanceProject{"", incubation.NoGovernanceProject} {
		next, dec := fire(t, m, rec, incubation.Engage, incubation.Facts{GovernanceProject: g}, day0.AddYears(2))
		assert.Equal(t, incubation.Refused, dec.Outcome)
		assert.Equal(t, []string{"INC-GOV-01"}, dec.UnmetRules())
		assert.Equal(t, incubation.Graduated, next.State)
	}
}

func TestMachine_Fire_BadInput(t *testing.T) {
	m := machine(t)
	rec := recordIn(t, m, incubation.Growing)
	last := rec.History[len(rec.History)-1].Date
	cases := []struct {
		name string
		rec  incubation.Record
		tr   incubation.Trigger
		f    incubation.Facts
		date hubrules.Date
		path string
	}{
		{"unknown trigger", rec, "hatch", incubation.Facts{}, last, "trigger"},
		{"unknown state", incubation.Record{Subject: "x", State: "limbo"}, incubation.Admit, incubation.Facts{}, last, "record.state"},
		{"missing subject", incubation.Record{State: incubation.Applied}, incubation.Admit, incubation.Facts{}, last, "record.subject"},
		{"date before last entry", rec, incubation.Graduate, gradFacts(), last.AddDays(-1), "date"},
		{"zero date", rec, incubation.Graduate, gradFacts(), hubrules.Date{}, "date"},
		{"negative members", rec, incubation.Graduate, incubation.Facts{FormalMembers: hubrules.Ptr(-1)}, last, "facts.formal_members"},
		{"negative projects", rec, incubation.Graduate, incubation.Facts{ProjectsDelivered: hubrules.Ptr(-2)}, last, "facts.projects_delivered"},
		{"satisfaction over 100", rec, incubation.Graduate, incubation.Facts{SatisfactionPercent: incubation.ScoreOf(hubrules.MustPoints("100.5"))}, last, "facts.satisfaction_percent"},
		{"negative assessment", rec, incubation.Graduate, incubation.Facts{AssessmentScore: incubation.ScoreOf(hubrules.Pt(-1))}, last, "facts.assessment_score"},
		{"assessment 100.1", rec, incubation.Graduate, incubation.Facts{AssessmentScore: incubation.ScoreOf(hubrules.MustPoints("100.1"))}, last, "facts.assessment_score"},
		{"satisfaction -0.1", rec, incubation.Graduate, incubation.Facts{SatisfactionPercent: incubation.ScoreOf(hubrules.MustPoints("-0.1"))}, last, "facts.satisfaction_percent"},
		{"unknown party form", rec, incubation.Graduate, incubation.Facts{PartyForm: "cell"}, last, "facts.party_form"},
		{"unknown base", rec, incubation.Graduate, incubation.Facts{Base: "moon"}, last, "facts.base"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := m.Fire(tc.rec, tc.tr, tc.f, tc.date)
			require.Error(t, err)
			assert.ErrorIs(t, err, hubrules.ErrInvalidInput)
			var ie *hubrules.InputError
			require.True(t, errors.As(err, &ie))
			fe, ok := ie.Field(tc.path)
			require.True(t, ok, "%v", ie.Fields)
			assert.NotEmpty(t, fe.Message.ZH)
			assert.NotEmpty(t, fe.Message.EN)
		})
	}
	t.Run("same day as last entry is fine", func(t *testing.T) {
		_, _, err := m.Fire(rec, incubation.Graduate, gradFacts(), last)
		require.NoError(t, err)
	})
}

func TestParams_DefaultsAndProvenance(t *testing.T) {
	p, b, err := incubation.Resolve(hubrules.Kaixuan, day0)
	require.NoError(t, err)
	assert.Equal(t, incubation.Params{TermMonths: 12, ExtensionMonths: 6, ExtensionMax: 1, BranchMinFormalMembers: 3,
		MinProjects: 1, MinAssessment: 60, MinSatisfactionPercent: 80}, p)
	ref, ok := b.Param(incubation.ParamTermMonths)
	require.True(t, ok)
	// NPI's Shanghai practice used for Hangzhou: illustrative.
	assert.Equal(t, hubrules.Illustrative, ref.Confidence)
	assert.Equal(t, "上海市浦东新区", ref.Source.Place)
	// The 2022 constitution's article number is inferred: secondary.
	ref, _ = b.Param(incubation.ParamBranchMin)
	assert.Equal(t, hubrules.Secondary, ref.Confidence)
	assert.Equal(t, "2022-10-22", ref.From.String())
	assert.Len(t, b.Unverified(), 8)

	// Before the first value the machine is prepared all the same; its
	// basis lists each parameter with the day it starts.
	early, err := incubation.NewMachine(hubrules.Kaixuan, hubrules.MustParseDate("2000-01-01"))
	require.NoError(t, err, "before the first value")
	assert.Len(t, early.Basis().Missing, 8)
	assert.Empty(t, early.Basis().Params)
	_, err = incubation.NewMachine("atlantis", day0)
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)
	_, err = incubation.NewMachine(hubrules.Kaixuan, day0, incubation.WithParams(nil))
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)

	own := hubrules.MustParseParams([]byte(`package: incubation
parameters:
  graduation.min_assessment:
    description: {zh: 测试, en: test}
    values:
      - {programme: kaixuan, from: 2022-01-01, value: 70, confidence: illustrative, source: {document: test}}
`))
	m, err := incubation.NewMachine(hubrules.Kaixuan, day0, incubation.WithParams(incubation.DefaultParamSet().Overlay(own)))
	require.NoError(t, err)
	assert.Equal(t, 70, m.Params().MinAssessment)
	assert.Equal(t, "2022-10-22", m.Basis().Effective.String(), "the latest value used: the 2022 constitution")

	_, err = incubation.NewMachine(hubrules.Basis{Programme: hubrules.National}.Programme, hubrules.Basis{Programme: hubrules.National}.AsOf, incubation.WithResolved(incubation.Params{}, hubrules.Basis{Programme: hubrules.National}))
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)
}

func TestRules_Catalogue(t *testing.T) {
	ids := []string{"INC-ADMIT-01", "INC-PERIOD-01", "INC-GRAD-01", "INC-GOV-01", "INC-CLASS-01", "INC-PATH-01", "INC-NET-01", "INC-HIST-01"}
	cat := incubation.Rules()
	require.Len(t, cat, len(ids))
	set := incubation.DefaultParamSet()
	for _, id := range ids {
		r, ok := cat.Lookup(id)
		require.True(t, ok, id)
		assert.NotEmpty(t, r.Title.ZH)
		assert.NotEmpty(t, r.Title.EN)
		assert.NotEmpty(t, r.Source.Title.ZH)
		for _, p := range r.Params {
			assert.NotEmpty(t, set.Values(p), p)
		}
	}
}

// Graduation used to read missing counts as 0 (a refusal saying 0 projects
// were delivered); they are now an InputError naming each.
func TestINC_GRAD_01_MissingCountsAreInputErrors(t *testing.T) {
	m := machine(t)
	rec := recordIn(t, m, incubation.Growing)
	f := gradFacts()
	f.FormalMembers, f.ProjectsDelivered = nil, nil
	_, _, err := m.Fire(rec, incubation.Graduate, f, day0.AddYears(1))
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	for _, p := range []string{"facts.formal_members", "facts.projects_delivered"} {
		_, ok := ie.Field(p)
		assert.True(t, ok, p)
	}
}

// TestINC_NET_01_BaseOnlyInJingan: the three-level network is jingan's rule
// (network.base_required, from 2013-01-01): there admission needs a base;
// every other programme admits an applicant meeting INC-ADMIT-01 without
// one. Without an entry mode the organization itself moves in, and the
// decision says it was the default.
func TestINC_NET_01_BaseOnlyInJingan(t *testing.T) {
	cases := []struct {
		programme hubrules.Programme
		day       string
		base      incubation.Base
		mode      incubation.EntryMode
		fired     bool
		unmet     []string
	}{
		{hubrules.Jingan, "2024-03-01", incubation.SocialBase, incubation.AsProject, true, nil},
		{hubrules.Jingan, "2024-03-01", "", incubation.AsOrganization, false, []string{"INC-NET-01"}},
		{hubrules.Jingan, "2013-01-01", "", "", false, []string{"INC-NET-01"}},
		{hubrules.Jingan, "2012-12-31", "", "", true, nil}, // before jingan's value: the national one
		{hubrules.Kaixuan, "2024-03-01", "", "", true, nil},
		{hubrules.Kaixuan, "2024-03-01", incubation.DistrictBase, incubation.AsProject, true, nil},
		{hubrules.Wuliqiao, "2024-03-01", "", "", true, nil},
		{hubrules.Lujiazui, "2024-03-01", "", incubation.AsProject, true, nil},
		{hubrules.Xiyuan, "2024-03-01", "", "", true, nil},
		{hubrules.National, "2024-03-01", "", "", true, nil},
	}
	for _, c := range cases {
		name := string(c.programme) + " " + c.day + " base=" + string(c.base) + " mode=" + string(c.mode)
		t.Run(name, func(t *testing.T) {
			m, err := incubation.NewMachine(c.programme, hubrules.MustParseDate(c.day))
			require.NoError(t, err)
			f := admitFacts()
			f.Base, f.EntryMode = c.base, c.mode
			next, dec := fire(t, m, incubation.NewRecord("org"), incubation.Admit, f, hubrules.MustParseDate(c.day))
			assert.Equal(t, c.fired, dec.Fired())
			assert.Equal(t, c.unmet, dec.UnmetRules())
			var mode *incubation.Criterion
			hasNet := false
			for i, cr := range dec.Criteria {
				if cr.Code == "entry_mode" {
					mode = &dec.Criteria[i]
				}
				hasNet = hasNet || cr.Rule == incubation.RuleNetwork
			}
			assert.Equal(t, c.programme == hubrules.Jingan && c.day >= "2013-01-01", hasNet, "INC-NET-01 is listed only where it applies")
			require.NotNil(t, mode)
			assert.True(t, mode.Met)
			if c.mode == "" {
				assert.Contains(t, mode.Facts, hubrules.Fact{Name: "entry_mode", Value: "organization"})
				assert.Contains(t, mode.Facts, hubrules.Fact{Name: "entry_mode_given", Value: "false"})
				assert.Contains(t, mode.Message.ZH, "默认")
				assert.Contains(t, mode.Message.EN, "default")
			}
			if !c.fired {
				return
			}
			want := c.mode
			if want == "" {
				want = incubation.AsOrganization
			}
			assert.Equal(t, want, next.Mode)
			assert.Equal(t, c.base, next.Base)
			// the history replays to the same record
			rep, err := incubation.Replay(next.History)
			require.NoError(t, err)
			assert.Equal(t, next.Mode, rep.Mode)
		})
	}
}
