package grading_test

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
)

// jinganSheet builds a Shanghai-sheet score sheet with the given party
// activity and role points and the rest filled to reach raw.
func jinganSheet(t testing.TB, g *grading.Grader, org string, form hubrules.PartyForm, activity, role string, raw hubrules.Points) grading.ScoreSheet {
	t.Helper()
	p := g.Params()
	s := grading.ScoreSheet{Org: org, LegalForm: hubrules.SocialGroup, PartyForm: form, FormalPartyMembers: hubrules.Ptr(0),
		Scores: []grading.ItemScore{{Item: "party_activity", Points: hubrules.Ptr(pts(activity))}, {Item: "party_role", Points: hubrules.Ptr(pts(role))}}}
	left := raw - pts(activity) - pts(role) - grading.PartySetupScore(p.PartyFormPercent, form, pts("2"))
	for _, in := range p.Sheet(hubrules.SocialGroup).Indicators {
		for _, it := range in.Items {
			if it.Party {
				continue
			}
			v := it.Max
			if v > left {
				v = left
			}
			left -= v
			s.Scores = append(s.Scores, grading.ItemScore{Item: it.Code, Points: hubrules.Ptr(v)})
		}
	}
	require.Zero(t, int64(left))
	return s
}

func overlayGrader(t testing.TB, yaml string, p hubrules.Programme, date string) *grading.Grader {
	t.Helper()
	over, err := hubrules.ParseParams([]byte(yaml))
	require.NoError(t, err)
	prm, b, err := grading.Resolve(p, d(date), grading.WithParams(grading.DefaultParamSet().Overlay(over)))
	require.NoError(t, err)
	g, err := grading.NewGrader(b.Programme, b.AsOf, grading.WithResolved(prm, b))
	require.NoError(t, err)
	return g
}

const jinganWeight300 = `package: grading
parameters:
  party.weight_percent:
    description: {zh: 静安提高党建权重（假设）, en: jingan raises the party-building weight (what-if)}
    values:
      - {programme: jingan, from: 2020-01-01, value: 300, confidence: illustrative, source: {document: what-if}}
`

func TestGRD_PARTY_01_WhatIfJinganRaisesPartyWeight(t *testing.T) {
	base := grader(t, hubrules.Jingan, "2024-06-01")
	alt := overlayGrader(t, jinganWeight300, hubrules.Jingan, "2024-06-01")
	sheets := []grading.ScoreSheet{
		jinganSheet(t, base, "D-half-party", hubrules.Liaison, "1.5", "1", pts("80")),
		jinganSheet(t, base, "B-no-party", hubrules.NoPartyForm, "0", "0", pts("85")),
		jinganSheet(t, base, "A-full-party", hubrules.OwnBranch, "3", "3", pts("90")),
		jinganSheet(t, base, "C-full-party-low", hubrules.JointBranch, "3", "3", pts("50")),
	}
	r, err := grading.WhatIf(base, alt, sheets)
	require.NoError(t, err)
	assert.Equal(t, 4, r.Orgs)
	assert.Equal(t, 1, r.Unchanged)
	require.Len(t, r.Changed, 3)
	want := []struct {
		org      string
		from, to hubrules.Grade
		steps    int
		alt      string
	}{
		{"A-full-party", hubrules.Grade4A, hubrules.Grade5A, 1, "91.3"},
		{"B-no-party", hubrules.Grade4A, hubrules.Grade3A, -1, "73.2"},
		{"C-full-party-low", hubrules.NoGrade, hubrules.Grade1A, 1, "56.8"},
	}
	for i, w := range want {
		c := r.Changed[i]
		assert.Equal(t, w.org, c.Org)
		assert.Equal(t, w.from, c.BaseGrade, w.org)
		assert.Equal(t, w.to, c.AltGrade, w.org)
		assert.Equal(t, w.steps, c.Steps, w.org)
		assert.Equal(t, pts(w.alt), c.AltTotal, w.org)
		assert.Equal(t, []string{grading.ReasonTotal}, c.Reasons)
	}
	// D: 80 → 75.8 stays 3A
	res, err := alt.Grade(&sheets[0])
	require.NoError(t, err)
	assert.Equal(t, pts("75.8"), res.Weighted)
	assert.Equal(t, hubrules.Grade3A, res.Grade)
	wp, _ := r.AltBasis.Param("party.weight_percent")
	assert.Equal(t, "300", wp.Value)
}

func TestGRD_LEVEL_01_WhatIfNewBands(t *testing.T) {
	base := grader(t, hubrules.Kaixuan, "2024-06-01")
	alt := overlayGrader(t, `package: grading
parameters:
  level.bands:
    description: {zh: 新分档（假设）}
    values:
      - programme: kaixuan
        from: 2020-01-01
        confidence: illustrative
        source: {document: what-if}
        value:
          - {grade: 5A, lower: {points: "85", inclusive: false}}
          - {grade: 4A, lower: {points: "75", inclusive: false}, upper: {points: "85", inclusive: true}}
          - {grade: 3A, lower: {points: "65", inclusive: false}, upper: {points: "75", inclusive: true}}
`, hubrules.Kaixuan, "2024-06-01")
	var sheets []grading.ScoreSheet
	for _, tot := range []string{"86", "85", "76", "62", "95"} {
		sheets = append(sheets, sheetTotal(t, base, "org-"+tot, hubrules.CommunityOrg, hubrules.OwnBranch, pts(tot)))
	}
	r, err := grading.WhatIf(base, alt, sheets)
	require.NoError(t, err)
	var got []string
	for _, c := range r.Changed {
		got = append(got, c.Org+":"+string(c.BaseGrade)+"→"+string(c.AltGrade))
		assert.Equal(t, []string{grading.ReasonBands}, c.Reasons)
	}
	assert.Equal(t, []string{"org-62:2A→", "org-76:3A→4A", "org-86:4A→5A"}, got)
	assert.Equal(t, "4A (80, 90]", r.Changed[2].BaseBand)
	assert.Equal(t, "5A (85, ∞)", r.Changed[2].AltBand)

	bad := sheets[0]
	bad.Scores = append(bad.Scores, grading.ItemScore{Item: "nope"})
	_, err = grading.WhatIf(base, alt, []grading.ScoreSheet{sheets[1], bad})
	ie := inputErr(t, err)
	assert.Equal(t, "sheets[1].scores["+itoa(len(bad.Scores)-1)+"].item", ie.Fields[0].Path)
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// Raising any one item's score never lowers the grade (GRD-LEVEL-01), under
// every profile, with a seeded generator.
func TestGRD_LEVEL_01_MonotoneInEveryItem(t *testing.T) {
	rng := rand.New(rand.NewSource(20260301))
	forms := []hubrules.LegalForm{hubrules.SocialGroup, hubrules.SocialServiceInstitution, hubrules.Foundation, hubrules.CommunityOrg}
	parties := []hubrules.PartyForm{hubrules.OwnBranch, hubrules.JointBranch, hubrules.ActivityBranch, hubrules.Liaison, hubrules.NoPartyForm}
	graders := []*grading.Grader{grader(t, hubrules.Xiyuan, "2024-01-01"), grader(t, hubrules.Jingan, "2025-06-01"), grader(t, hubrules.Kaixuan, "2024-01-01"),
		overlayGrader(t, jinganWeight300, hubrules.Jingan, "2025-06-01")}
	for n := 0; n < 3000; n++ {
		g := graders[rng.Intn(len(graders))]
		form := forms[rng.Intn(len(forms))]
		s := grading.ScoreSheet{Org: "m", LegalForm: form, PartyForm: parties[rng.Intn(len(parties))], FormalPartyMembers: hubrules.Ptr(rng.Intn(5)),
			Bonus: hubrules.Points(rng.Intn(1200))}
		if rng.Intn(2) == 0 {
			s.Systems = []grading.System{grading.SysBoard, grading.SysFinance}
		}
		for _, in := range g.Params().Sheet(form).Indicators {
			for _, it := range in.Items {
				if !it.PartySetup {
					s.Scores = append(s.Scores, grading.ItemScore{Item: it.Code, Points: hubrules.Ptr(hubrules.Points(rng.Int63n(int64(it.Max) + 1)))})
				}
			}
		}
		r0, err := g.Grade(&s)
		require.NoError(t, err)
		k := rng.Intn(len(s.Scores))
		up := s
		up.Scores = append([]grading.ItemScore(nil), s.Scores...)
		var itemMax hubrules.Points
		for _, it := range r0.Items {
			if it.Code == up.Scores[k].Item {
				itemMax = it.Max
			}
		}
		cur := *up.Scores[k].Points
		if cur == itemMax {
			continue
		}
		up.Scores[k].Points = hubrules.Ptr(cur + hubrules.Points(1+rng.Int63n(int64(itemMax-cur))))
		r1, err := g.Grade(&up)
		require.NoError(t, err)
		require.GreaterOrEqual(t, r1.Total, r0.Total)
		require.GreaterOrEqual(t, r1.Grade.Rank(), r0.Grade.Rank(), "%+v → %+v", s, up)
	}
}
