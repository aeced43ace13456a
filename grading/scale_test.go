package grading_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
)

// scaledGrader is a xiyuan grader whose four indicator sheets are one sheet
// of n second-level items (n ≥ 4) in four first-level indicators, the
// second item the party set-up item; the full score stays xiyuan's 1000
// points while each item can have a tenth, and grows past it beyond.
func scaledGrader(t testing.TB, n int) *grading.Grader {
	t.Helper()
	return prefixedGrader(t, n, "item_")
}

// prefixedGrader is scaledGrader with item codes prefix+position.
func prefixedGrader(t testing.TB, n int, prefix string) *grading.Grader {
	t.Helper()
	p, basis, err := grading.Resolve(hubrules.Xiyuan, d("2024-06-01"))
	require.NoError(t, err)
	full := max(p.SheetSocialGroup.Full(), hubrules.Points(n))
	sh := grading.Sheet{Code: "scale_" + strconv.Itoa(n), Name: hubrules.T("规模测试指标表", "scale test sheet"), SystemDeduction: hubrules.Pt(10)}
	for k := 0; k < 4; k++ {
		sh.Indicators = append(sh.Indicators, grading.Indicator{Code: "ind" + strconv.Itoa(k), Name: hubrules.T("一级指标", "indicator"), Governance: k == 1})
	}
	for i := 0; i < n; i++ {
		m := full / hubrules.Points(n)
		if i == 0 {
			m += full % hubrules.Points(n)
		}
		in := &sh.Indicators[i*4/n]
		in.Items = append(in.Items, grading.Item{Code: prefix + strconv.Itoa(i), Name: hubrules.T("二级指标", "item"), Max: m, Party: i == 1, PartySetup: i == 1})
		in.Max += m
	}
	p.SheetSocialGroup, p.SheetServiceInst, p.SheetFoundation, p.SheetCommunityOrg = sh, sh, sh, sh
	g, err := grading.NewGrader(hubrules.Xiyuan, d("2024-06-01"), grading.WithResolved(p, basis))
	require.NoError(t, err)
	return g
}

// scaledSheet scores every item of scaledGrader(n)'s sheet but the set-up
// item, in sheet order, at its maximum.
func scaledSheet(g *grading.Grader) grading.ScoreSheet {
	s := grading.ScoreSheet{Org: "org", LegalForm: hubrules.SocialGroup, PartyForm: hubrules.OwnBranch, FormalPartyMembers: hubrules.Ptr(3)}
	for _, in := range g.Params().SheetSocialGroup.Indicators {
		for _, it := range in.Items {
			if !it.PartySetup {
				s.Scores = append(s.Scores, grading.ItemScore{Item: it.Code, Points: hubrules.Ptr(it.Max)})
			}
		}
	}
	return s
}

// GRD-LEVEL-01: an item scored twice is refused wherever it stands in the
// sheet — past the 512th item too — by Grade, GradeInto and a decoded JSON
// sheet (at most 1,000 scores), naming the second score.
func TestGRD_LEVEL_01_DuplicateItemAnywhere(t *testing.T) {
	for _, c := range []struct{ n, dup int }{{20, 10}, {700, 600}, {100001, 100000}} {
		g := scaledGrader(t, c.n)
		s := scaledSheet(g)
		r, err := g.Grade(&s)
		require.NoError(t, err, "n=%d", c.n)
		assert.Equal(t, r.Full, r.Total, "n=%d", c.n)
		item := "item_" + strconv.Itoa(c.dup)
		s.Scores = append(s.Scores, grading.ItemScore{Item: item, Points: hubrules.Ptr[hubrules.Points](0)})
		path := "scores[" + strconv.Itoa(len(s.Scores)-1) + "].item"
		ie := inputErr(t, func() error { _, err := g.Grade(&s); return err }())
		require.Len(t, ie.Fields, 1, "n=%d: %v", c.n, ie)
		assert.Equal(t, path, ie.Fields[0].Path)
		assert.Equal(t, "duplicate", ie.Fields[0].Code)
		assert.Equal(t, item, ie.Fields[0].Value)
		assert.Equal(t, "指标重复："+item, ie.Fields[0].Message.ZH)

		dst := r
		ie = inputErr(t, g.GradeInto(&dst, &s))
		assert.Equal(t, path, ie.Fields[0].Path)
		assert.Equal(t, grading.Result{}, dst)

		if len(s.Scores) <= 1000 {
			data, err := json.Marshal(s)
			require.NoError(t, err)
			decoded, err := grading.DecodeScoreSheet(data)
			require.NoError(t, err)
			ie = inputErr(t, func() error { _, err := g.Grade(&decoded); return err }())
			assert.Equal(t, path, ie.Fields[0].Path)
		}
	}
}

// GRD-LEVEL-01: the order of the scores does not matter, and a second score
// of an item is a duplicate even when the first was refused.
func TestGRD_LEVEL_01_ScoresInAnyOrder(t *testing.T) {
	g := scaledGrader(t, 700)
	s := scaledSheet(g)
	want, err := g.Grade(&s)
	require.NoError(t, err)
	rev := s
	rev.Scores = append([]grading.ItemScore(nil), s.Scores...)
	for i, j := 0, len(rev.Scores)-1; i < j; i, j = i+1, j-1 {
		rev.Scores[i], rev.Scores[j] = rev.Scores[j], rev.Scores[i]
	}
	got, err := g.Grade(&rev)
	require.NoError(t, err)
	assert.Equal(t, want, got)

	rev.Scores[3].Points = nil
	rev.Scores = append(rev.Scores, grading.ItemScore{Item: rev.Scores[3].Item, Points: hubrules.Ptr[hubrules.Points](0)})
	ie := inputErr(t, func() error { _, err := g.Grade(&rev); return err }())
	require.Len(t, ie.Fields, 2, "%v", ie)
	assert.Equal(t, "scores[3].points", ie.Fields[0].Path)
	assert.Equal(t, "scores["+strconv.Itoa(len(rev.Scores)-1)+"].item", ie.Fields[1].Path)
	assert.Equal(t, "duplicate", ie.Fields[1].Code)
}

// GradeInto into a reused Result allocates nothing, whatever the sheet's
// size and the order of its scores.
func TestGradeIntoAllocatesNothing(t *testing.T) {
	for _, n := range []int{10, 1000} {
		g := scaledGrader(t, n)
		s := scaledSheet(g)
		rev := s
		rev.Scores = append([]grading.ItemScore(nil), s.Scores...)
		for i, j := 0, len(rev.Scores)-1; i < j; i, j = i+1, j-1 {
			rev.Scores[i], rev.Scores[j] = rev.Scores[j], rev.Scores[i]
		}
		for _, sh := range []*grading.ScoreSheet{&s, &rev} {
			var r grading.Result
			require.NoError(t, g.GradeInto(&r, sh))
			assert.Zero(t, testing.AllocsPerRun(20, func() { _ = g.GradeInto(&r, sh) }), "n=%d", n)
		}
	}
}

// The English message of the missing-items problem lists the codes up to
// 400 bytes, never cutting a character of a Chinese code.
func TestGRD_LEVEL_01_MissingItemsMessageIsText(t *testing.T) {
	g := prefixedGrader(t, 200, "指标_")
	s := grading.ScoreSheet{Org: "org", LegalForm: hubrules.SocialGroup, PartyForm: hubrules.OwnBranch, FormalPartyMembers: hubrules.Ptr(3)}
	ie := inputErr(t, func() error { _, err := g.Grade(&s); return err }())
	require.Len(t, ie.Fields, 1)
	assert.Equal(t, "required", ie.Fields[0].Code)
	en := ie.Fields[0].Message.EN
	assert.True(t, utf8.ValidString(en), "%q", en)
	assert.True(t, strings.HasPrefix(en, "scores: items 指标_0, 指标_2, "), en)
	assert.True(t, strings.HasSuffix(en, " … missing (199 of 199)"), en)
	assert.True(t, utf8.ValidString(ie.Fields[0].Value))
}
