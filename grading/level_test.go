package grading_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
)

func TestGRD_LEVEL_01_AnhuiBandEdges(t *testing.T) {
	g := grader(t, hubrules.Xiyuan, "2026-06-01")
	ref, ok := g.Basis().Param("level.bands")
	require.True(t, ok)
	// Anqing's (and Huaining's) bands: Hefei's were not found, so for xiyuan
	// they are illustrative and every grade says so.
	assert.Equal(t, hubrules.Illustrative, ref.Confidence)
	assert.Equal(t, "安徽省安庆市", ref.Source.Place)
	assert.Equal(t, hubrules.Xiyuan, ref.Programme)
	for _, c := range []struct {
		total string
		want  hubrules.Grade
	}{
		{"951", hubrules.Grade5A}, {"950.1", hubrules.Grade5A}, {"950", hubrules.Grade4A},
		{"901", hubrules.Grade4A}, {"900", hubrules.Grade3A},
		{"851", hubrules.Grade3A}, {"850", hubrules.Grade2A},
		{"801", hubrules.Grade2A}, {"800", hubrules.Grade1A},
		{"701", hubrules.Grade1A}, {"700.1", hubrules.Grade1A}, {"700", hubrules.NoGrade}, {"60", hubrules.NoGrade},
	} {
		s := sheetTotal(t, g, "org", hubrules.Foundation, hubrules.OwnBranch, pts(c.total))
		r, err := g.Grade(&s)
		require.NoError(t, err)
		assert.Equal(t, pts(c.total), r.Total, c.total)
		assert.Equal(t, c.want, r.Grade, "total %s", c.total)
		if c.want == hubrules.NoGrade {
			assert.Equal(t, hubrules.Fail, outcome(r.Checks, grading.RuleLevel))
			assert.Nil(t, r.Band)
		} else {
			require.NotNil(t, r.Band)
			assert.Equal(t, c.want, r.Band.Grade)
		}
		noticed := false
		for _, f := range r.Findings {
			noticed = noticed || f.Rule == grading.RuleLevel && f.Severity == hubrules.Notice
		}
		assert.True(t, noticed || c.want == hubrules.NoGrade, "another city's bands carry a notice (total %s)", c.total)
	}
}

func outcome(cs []hubrules.Check, id string) hubrules.Outcome {
	return hubrules.Report{Checks: cs}.Outcome(id)
}

func TestGRD_LEVEL_01_AnhuiBonusOnTopOfBands(t *testing.T) {
	g := grader(t, hubrules.Xiyuan, "2026-06-01")
	s := sheetTotal(t, g, "org", hubrules.SocialGroup, hubrules.OwnBranch, pts("900"))
	s.Bonus = pts("50.5")
	r, err := g.Grade(&s)
	require.NoError(t, err)
	assert.Equal(t, pts("950.5"), r.Total)
	assert.Equal(t, hubrules.Grade5A, r.Grade)
	s.Bonus = pts("150")
	r, err = g.Grade(&s)
	require.NoError(t, err)
	assert.Equal(t, pts("100"), r.Bonus, "bonus capped at level.bonus_max")
	assert.Equal(t, pts("1000"), r.Total)
	assert.NotEmpty(t, hubrules.Report{Findings: r.Findings}.FindingsFor(grading.RuleLevel))
}

func TestGRD_LEVEL_01_IllustrativeBandsSaySo(t *testing.T) {
	for _, p := range []hubrules.Programme{hubrules.Lujiazui, hubrules.Jingan, hubrules.Wuliqiao, hubrules.Kaixuan} {
		g := grader(t, p, "2024-06-01")
		for _, c := range []struct {
			total string
			want  hubrules.Grade
		}{{"91", hubrules.Grade5A}, {"90.1", hubrules.Grade5A}, {"90", hubrules.Grade4A}, {"81", hubrules.Grade4A}, {"80", hubrules.Grade3A},
			{"71", hubrules.Grade3A}, {"70", hubrules.Grade2A}, {"61", hubrules.Grade2A}, {"60", hubrules.Grade1A}, {"51", hubrules.Grade1A}, {"50", hubrules.NoGrade}} {
			s := sheetTotal(t, g, "org", hubrules.SocialServiceInstitution, hubrules.JointBranch, pts(c.total))
			r, err := g.Grade(&s)
			require.NoError(t, err)
			assert.Equal(t, c.want, r.Grade, "%s %s", p, c.total)
			notice := false
			for _, f := range r.Findings {
				if f.Rule == grading.RuleLevel && f.Severity == hubrules.Notice {
					notice = true
				}
			}
			assert.True(t, notice, "an illustrative grade must carry a notice")
			ref, _ := r.Basis.Param("level.bands")
			assert.Equal(t, hubrules.Illustrative, ref.Confidence)
		}
	}
}

func TestGRD_LEVEL_01_FirstLevelIndicatorsByForm(t *testing.T) {
	g := grader(t, hubrules.National, "2020-01-01")
	codes := func(f hubrules.LegalForm) []string {
		var out []string
		for _, in := range g.Params().Sheet(f).Indicators {
			out = append(out, in.Name.ZH)
		}
		return out
	}
	assert.Equal(t, []string{"基础条件", "内部治理", "工作绩效", "社会评价"}, codes(hubrules.SocialGroup))
	assert.Equal(t, []string{"基础条件", "内部治理", "工作绩效", "社会评价"}, codes(hubrules.Foundation))
	assert.Equal(t, []string{"基础条件", "内部治理", "业务活动和诚信建设", "社会评价"}, codes(hubrules.SocialServiceInstitution))
	f := g.Params().Sheet(hubrules.Foundation)
	var maxes []string
	for _, in := range f.Indicators {
		maxes = append(maxes, in.Max.String())
	}
	assert.Equal(t, []string{"60", "420", "400", "120"}, maxes, "national foundation sheet (secondary)")
	assert.Equal(t, "50", f.Indicators[1].Items[0].Max.String(), "党组织 50")
	assert.Equal(t, pts("1000"), f.Full())
}

func TestGRD_LEVEL_01_ShanghaiHalfPointsExact(t *testing.T) {
	g := grader(t, hubrules.Jingan, "2025-06-01")
	s := grading.ScoreSheet{Org: "a", LegalForm: hubrules.SocialGroup, PartyForm: hubrules.OwnBranch, FormalPartyMembers: hubrules.Ptr(5),
		Scores: []grading.ItemScore{{Item: "hr", Points: hubrules.Ptr(pts("3.5"))}, {Item: "major_matters", Points: hubrules.Ptr(pts("0.5"))}, {Item: "party_activity", Points: hubrules.Ptr(pts("3"))}, {Item: "party_role", Points: hubrules.Ptr(pts("3"))}}}
	s = filled(t, g, s)
	r, err := g.Grade(&s)
	require.NoError(t, err)
	assert.Equal(t, pts("12"), r.Total)
	assert.Equal(t, pts("8"), r.PartyScore)
	assert.Equal(t, pts("8"), r.PartyMax)
	assert.Equal(t, pts("12"), r.Indicators[1].Score)
	assert.Equal(t, pts("100"), r.Full)
}

func TestGRD_LEVEL_01_BadScoreSheets(t *testing.T) {
	g := grader(t, hubrules.Jingan, "2025-06-01")
	for name, c := range map[string]struct {
		s    grading.ScoreSheet
		path string
	}{
		"above max":      {grading.ScoreSheet{Org: "a", LegalForm: hubrules.SocialGroup, PartyForm: hubrules.OwnBranch, FormalPartyMembers: hubrules.Ptr(0), Scores: []grading.ItemScore{{Item: "hr", Points: hubrules.Ptr(pts("4"))}}}, "scores[0].points"},
		"negative":       {grading.ScoreSheet{Org: "a", LegalForm: hubrules.SocialGroup, PartyForm: hubrules.OwnBranch, FormalPartyMembers: hubrules.Ptr(0), Scores: []grading.ItemScore{{Item: "hr", Points: hubrules.Ptr(pts("-1"))}}}, "scores[0].points"},
		"unknown item":   {grading.ScoreSheet{Org: "a", LegalForm: hubrules.SocialGroup, PartyForm: hubrules.OwnBranch, FormalPartyMembers: hubrules.Ptr(0), Scores: []grading.ItemScore{{Item: "nope", Points: hubrules.Ptr[hubrules.Points](0)}}}, "scores[0].item"},
		"duplicate":      {grading.ScoreSheet{Org: "a", LegalForm: hubrules.SocialGroup, PartyForm: hubrules.OwnBranch, FormalPartyMembers: hubrules.Ptr(0), Scores: []grading.ItemScore{{Item: "hr", Points: hubrules.Ptr[hubrules.Points](1)}, {Item: "hr", Points: hubrules.Ptr[hubrules.Points](1)}}}, "scores[1].item"},
		"computed given": {grading.ScoreSheet{Org: "a", LegalForm: hubrules.SocialGroup, PartyForm: hubrules.OwnBranch, FormalPartyMembers: hubrules.Ptr(0), Scores: []grading.ItemScore{{Item: "party_setup", Points: hubrules.Ptr[hubrules.Points](1)}}}, "scores[0].item"},
		"legal form":     {grading.ScoreSheet{Org: "a", LegalForm: "company", PartyForm: hubrules.OwnBranch}, "legal_form"},
		"party form":     {grading.ScoreSheet{Org: "a", LegalForm: hubrules.SocialGroup, PartyForm: "cell"}, "party_form"},
		"members":        {grading.ScoreSheet{Org: "a", LegalForm: hubrules.SocialGroup, PartyForm: hubrules.OwnBranch, FormalPartyMembers: hubrules.Ptr(-1)}, "formal_party_members"},
		"bonus":          {grading.ScoreSheet{Org: "a", LegalForm: hubrules.SocialGroup, PartyForm: hubrules.OwnBranch, FormalPartyMembers: hubrules.Ptr(0), Bonus: -5}, "bonus"},
		"system":         {grading.ScoreSheet{Org: "a", LegalForm: hubrules.SocialGroup, PartyForm: hubrules.OwnBranch, FormalPartyMembers: hubrules.Ptr(0), Systems: []grading.System{"board", "x"}}, "systems[1]"},
	} {
		t.Run(name, func(t *testing.T) {
			orig := append([]grading.ItemScore(nil), c.s.Scores...)
			_, err := g.Grade(&c.s)
			ie := inputErr(t, err)
			_, ok := ie.Field(c.path)
			assert.True(t, ok, "want a field error at %s, got %v", c.path, ie.Fields)
			assert.Equal(t, orig, c.s.Scores, "input not modified")
		})
	}
}

func TestGRD_LEVEL_01_BandTablesWithGapsOrOverlapsAreRefused(t *testing.T) {
	for name, c := range map[string]struct {
		bands string
		code  string
		words string
	}{
		"gap": {`
          - {grade: 5A, lower: {points: "90", inclusive: false}}
          - {grade: 4A, lower: {points: "80", inclusive: false}, upper: {points: "89", inclusive: true}}`, "gap", "≤89"},
		"overlap": {`
          - {grade: 5A, lower: {points: "90", inclusive: true}}
          - {grade: 4A, lower: {points: "80", inclusive: false}, upper: {points: "90", inclusive: true}}`, "overlap", "≥90"},
		"touching exclusive": {`
          - {grade: 5A, lower: {points: "90", inclusive: false}}
          - {grade: 4A, lower: {points: "80", inclusive: false}, upper: {points: "90", inclusive: false}}`, "gap", ">90"},
		"order": {`
          - {grade: 4A, lower: {points: "90", inclusive: false}}
          - {grade: 5A, lower: {points: "80", inclusive: false}, upper: {points: "90", inclusive: true}}`, "order", "4A"},
	} {
		t.Run(name, func(t *testing.T) {
			over, err := hubrules.ParseParams([]byte(`package: grading
parameters:
  level.bands:
    description: {zh: 测试分档}
    values:
      - programme: jingan
        from: 2020-01-01
        confidence: illustrative
        source: {document: test}
        value:` + c.bands + "\n"))
			require.NoError(t, err)
			_, _, err = grading.Resolve(hubrules.Jingan, d("2024-01-01"), grading.WithParams(grading.DefaultParamSet().Overlay(over)))
			ie := inputErr(t, err)
			found := false
			for _, f := range ie.Fields {
				if f.Code == c.code && strings.HasPrefix(f.Path, "params.level.bands") {
					found = true
					assert.Contains(t, f.Message.ZH+f.Message.EN, c.words)
				}
			}
			assert.True(t, found, "%v", ie.Fields)
		})
	}
}

func TestGRD_LEVEL_01_SheetsThatDoNotAddUpAreRefused(t *testing.T) {
	over := hubrules.MustParseParams([]byte(`package: grading
parameters:
  level.sheet.foundation:
    description: {zh: 测试}
    values:
      - programme: national
        from: 2011-03-01
        confidence: illustrative
        source: {document: test}
        value:
          code: bad
          name: {zh: 坏, en: bad}
          system_deduction: "1"
          indicators:
            - code: basic
              name: {zh: 基础条件, en: basic}
              max: "1000"
              items:
                - {code: a, name: {zh: a, en: a}, max: "999.5"}
`))
	_, _, err := grading.Resolve(hubrules.National, d("2024-01-01"), grading.WithParams(grading.DefaultParamSet().Overlay(over)))
	ie := inputErr(t, err)
	f, ok := ie.Field("params.level.sheet.foundation.indicators[0].max")
	require.True(t, ok, "%v", ie.Fields)
	assert.Contains(t, f.Message.EN, "999.5")
}

func TestGRD_LEVEL_01_DecodeScoreSheet(t *testing.T) {
	s, err := grading.DecodeScoreSheet([]byte(`{"org":"a","legal_form":"social_group","party_form":"liaison","formal_party_members":1,"scores":[{"item":"hr","points":"3.5"}],"systems":[]}`))
	require.NoError(t, err)
	assert.Equal(t, pts("3.5"), *s.Scores[0].Points)
	assert.NotNil(t, s.Systems)
	_, err = grading.DecodeScoreSheet([]byte(`{"org":"a","legal_form":"x","party_form":"liaison"}`))
	inputErr(t, err)
	_, err = grading.DecodeScoreSheet([]byte(`{"org":"a","legal_form":"social_group","party_form":"liaison","extra":1}`))
	inputErr(t, err)
}

func TestGRD_LEVEL_01_RulesCatalogue(t *testing.T) {
	cat := grading.Rules()
	for _, id := range []string{"GRD-LEVEL-01", "GRD-PARTY-01", "GRD-ELIG-01", "GRD-VALID-01", "GRD-DOWN-01", "GRD-PRIV-01", "GRD-ANNUAL-01", "GRD-STAR-01", "GRD-SYS-01", "GRD-NORM-01"} {
		r, ok := cat.Lookup(id)
		require.True(t, ok, id)
		assert.NotEmpty(t, r.Title.ZH)
		assert.NotEmpty(t, r.Title.EN)
		assert.NotEmpty(t, r.Source.Title.ZH)
		for _, p := range r.Params {
			assert.Contains(t, grading.DefaultParamSet().Names(), p, id)
		}
	}
}
