package grading_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
	"github.com/hubrules/hubrules/internal/datetest"
)

func graderBasisAt(p hubrules.Programme) func(hubrules.Date) (hubrules.Basis, error) {
	return datetest.BasisAt(func(day hubrules.Date) (*grading.Grader, error) { return grading.NewGrader(p, day) })
}

// GRD-PARTY-01's three-member gate through the constitution's revisions:
// the 2007 text when the evaluation measures began, then 2012, 2017 (article
// 30) and 2022; before 2011-03-01 the evaluation system, and so the gate, is
// not in force.
func TestPartyGate_Revisions(t *testing.T) {
	datetest.Revisions(t, graderBasisAt(hubrules.National), []datetest.Revision{
		{Param: "party.gate_min_formal_members", Day: "2011-02-28"},
		{Param: "party.gate_min_formal_members", Day: "2011-03-01", Value: "3", Cites: "第十七次"},
		{Param: "party.gate_min_formal_members", Day: "2012-11-13", Value: "3", Cites: "（2007年修改）"},
		{Param: "party.gate_min_formal_members", Day: "2012-11-14", Value: "3", Cites: "第十八次"},
		{Param: "party.gate_min_formal_members", Day: "2017-10-23", Value: "3", Cites: "第二十九条"},
		{Param: "party.gate_min_formal_members", Day: "2017-10-24", Value: "3", Cites: "第三十条"},
		{Param: "party.gate_min_formal_members", Day: "2022-10-21", Value: "3", Cites: "第十九次"},
		{Param: "party.gate_min_formal_members", Day: "2022-10-22", Value: "3", Cites: "第二十次"},
	})
}

// The evaluation measures (grade validity, eligibility, downgrades,
// privileges): none before MCA Order No. 39 took effect on 2011-03-01, the
// 2010 measures from then, the 2026 revision from 2026-03-01 — answered by
// one Standing for every date, whatever its own date.
func TestStandingMeasures_Revisions(t *testing.T) {
	s, err := grading.NewStanding(hubrules.Xiyuan, d("2012-06-30"))
	require.NoError(t, err)
	rec := &grading.OrgRecord{Org: "o", Registered: d("2000-01-01")}
	for _, c := range []struct{ day, version, cites string }{
		{"2011-02-28", "", ""},
		{"2011-03-01", "2010", "民政部令第39号"},
		{"2026-02-28", "2010", "民政部令第39号"},
		{"2026-03-01", "2026", "（2026年修订）"},
	} {
		r, err := s.At(rec, d(c.day))
		require.NoError(t, err, c.day)
		assert.Equal(t, c.day, r.Basis.AsOf.String())
		assert.Equal(t, c.version, r.Measures, c.day)
		if c.version == "" {
			assert.Equal(t, []hubrules.Unset{{Name: "standing.measures", Starts: d("2011-03-01")}}, r.Basis.Missing)
			require.NotEmpty(t, r.Checks)
			for _, ch := range r.Checks {
				assert.Equal(t, hubrules.NotInForce, ch.Outcome, ch.Rule)
			}
			continue
		}
		ref, ok := r.Basis.Param("standing.measures")
		require.True(t, ok, c.day)
		assert.Contains(t, ref.Source.Number+ref.Source.Title.ZH, c.cites, c.day)
	}
	// An award announced before any measures has no validity the library
	// knows: GRD-VALID-01 is not in force for it, the other rules decide.
	old := &grading.OrgRecord{Org: "o", Registered: d("2000-01-01"), Award: &grading.Award{Grade: hubrules.Grade4A, Announced: d("2009-06-01")}}
	r, err := s.At(old, d("2012-06-30"))
	require.NoError(t, err)
	assert.False(t, r.Valid)
	for _, ch := range r.Checks {
		if ch.Rule == grading.RuleValid {
			assert.Equal(t, hubrules.NotInForce, ch.Outcome)
		} else {
			assert.NotEqual(t, hubrules.NotInForce, ch.Outcome, ch.Rule)
		}
	}
}

// Before the evaluation system (2011-03-01) a grade, an annual assessment,
// a star rating and a norm checklist cannot be computed: each answers its
// own rule not in force, with the day its parameters start.
func TestGrader_NotInForceBefore2011(t *testing.T) {
	g := grader(t, hubrules.Jingan, "2010-06-30")
	_, err := g.Grade(&grading.ScoreSheet{Org: "o", LegalForm: hubrules.SocialGroup, PartyForm: hubrules.NoPartyForm, FormalPartyMembers: hubrules.Ptr(0)})
	nif := datetest.NotInForce(t, err, grading.RuleLevel)
	assert.Equal(t, d("2011-03-01"), nif.Unset[len(nif.Unset)-1].Starts)
	_, err = g.Annual(&grading.AnnualInput{Org: "o", Year: 2010, Ratings: []grading.Rating{{Group: "g"}}})
	datetest.NotInForce(t, err, grading.RuleAnnual)
	_, err = g.Stars(&grading.StarInput{Org: "o", PartyForm: hubrules.NoPartyForm})
	datetest.NotInForce(t, err, grading.RuleStar)
	_, err = g.Norms(&grading.NormInput{Org: "o"})
	datetest.NotInForce(t, err, grading.RuleNorms)
	assert.Empty(t, g.NormItems())
}

// Each GRD-PARTY-01 gate reads its parameters only on its own branch: with
// the exclusion switch not in force the gate answers not in force and the
// grade stands, while the cap (a branch not reached) is not read.
func TestPartyGate_NotInForceOnlyOnItsBranch(t *testing.T) {
	p, b, err := grading.Resolve(hubrules.National, d("2024-06-30"))
	require.NoError(t, err)
	p.PartyGateExclude = false
	b.Missing = append(b.Missing, hubrules.Unset{Name: "party.gate_exclude_should_have", Starts: d("2030-01-01")})
	g, err := grading.NewGrader(hubrules.National, d("2024-06-30"), grading.WithResolved(p, b))
	require.NoError(t, err)
	full := grader(t, hubrules.National, "2024-06-30")
	s := sheetTotal(t, full, "o", hubrules.SocialGroup, hubrules.OwnBranch, full.Params().Sheet(hubrules.SocialGroup).Full())
	r, err := g.Grade(&s)
	require.NoError(t, err)
	want, err := full.Grade(&s)
	require.NoError(t, err)
	assert.Equal(t, want.Grade, r.Grade, "the grade stands")
	assert.Equal(t, hubrules.NotInForce, r.Checks[1].Outcome)
	assert.Equal(t, hubrules.Pass, r.Checks[0].Outcome)
	var notice bool
	for _, f := range r.Findings {
		notice = notice || f.Rule == grading.RuleParty && f.Severity == hubrules.Notice && f.Facts[1].Value == "party.gate_exclude_should_have"
	}
	assert.True(t, notice, "the not-in-force notice names the parameter: %v", r.Findings)
}

// Every shipped programme, on the first day of every month from 2003 to
// 2026: the grader and the standing are prepared, and every rule answers
// pass, fail, not applicable or not in force.
func TestEveryProgrammeEveryMonth_GradingAnswers(t *testing.T) {
	rec := &grading.OrgRecord{Org: "o", Registered: d("2000-01-01"), Award: &grading.Award{Grade: hubrules.Grade3A, Announced: d("2012-01-01")}}
	forms := []hubrules.LegalForm{hubrules.SocialGroup, hubrules.SocialServiceInstitution, hubrules.Foundation, hubrules.CommunityOrg}
	for _, prog := range hubrules.Programmes() {
		st, err := grading.NewStanding(prog, d("2003-01-01"))
		require.NoError(t, err, prog)
		for _, day := range datetest.Months(2003, 2026) {
			what := string(prog) + " " + day.String()
			g, err := grading.NewGrader(prog, day)
			require.NoError(t, err, what)
			for _, form := range forms {
				sh := g.Params().Sheet(form)
				if len(sh.Indicators) == 0 {
					_, err := g.Grade(&grading.ScoreSheet{Org: "o", LegalForm: form, PartyForm: hubrules.NoPartyForm, FormalPartyMembers: hubrules.Ptr(0)})
					datetest.NotInForce(t, err, grading.RuleLevel)
					continue
				}
				s := grading.ScoreSheet{Org: "o", LegalForm: form, PartyForm: hubrules.OwnBranch, FormalPartyMembers: hubrules.Ptr(5)}
				for _, in := range sh.Indicators {
					for _, it := range in.Items {
						if !it.PartySetup {
							s.Scores = append(s.Scores, grading.ItemScore{Item: it.Code, Points: hubrules.Ptr(it.Max)})
						}
					}
				}
				r, err := g.Grade(&s)
				if err != nil {
					datetest.NotInForce(t, err, grading.RuleLevel)
					continue
				}
				datetest.Decided(t, r.Checks, what)
			}
			star := grading.StarInput{Org: "o", PartyForm: hubrules.OwnBranch}
			for _, it := range g.Params().StarItems {
				if !it.PartySetup {
					star.Scores = append(star.Scores, grading.ItemScore{Item: it.Code, Points: hubrules.Ptr(it.Max)})
				}
			}
			if sr, err := g.Stars(&star); err != nil {
				datetest.NotInForce(t, err, grading.RuleStar)
			} else {
				datetest.Decided(t, []hubrules.Check{sr.Check}, what)
			}
			if nr, err := g.Norms(&grading.NormInput{Org: "o"}); err != nil {
				datetest.NotInForce(t, err, grading.RuleNorms)
			} else {
				datetest.Decided(t, []hubrules.Check{nr.Check}, what)
			}
			if !rec.Award.Announced.After(day) {
				r, err := st.At(rec, day)
				require.NoError(t, err, what)
				datetest.Decided(t, r.Checks, what)
			}
		}
	}
}
