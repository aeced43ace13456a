package grading_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
)

func TestGRD_PARTY_01_FormScoresShanghai(t *testing.T) {
	g := grader(t, hubrules.Wuliqiao, "2025-06-01")
	for _, c := range []struct {
		form hubrules.PartyForm
		want string
	}{{hubrules.OwnBranch, "2"}, {hubrules.JointBranch, "2"}, {hubrules.ActivityBranch, "2"}, {hubrules.Liaison, "1.5"}, {hubrules.NoPartyForm, "0"}} {
		s := filled(t, g, grading.ScoreSheet{Org: "a", LegalForm: hubrules.CommunityOrg, PartyForm: c.form, FormalPartyMembers: hubrules.Ptr(0)})
		r, err := g.Grade(&s)
		require.NoError(t, err)
		var setup grading.ItemResult
		for _, it := range r.Items {
			if it.Computed {
				setup = it
			}
		}
		assert.Equal(t, "party_setup", setup.Code)
		assert.Equal(t, pts(c.want), setup.Score, string(c.form))
		assert.Equal(t, pts("2"), setup.Max)
	}
	// Shanghai 2025: 党组织 8 = 建立 2 + 活动 3 + 作用 3.
	assert.Equal(t, pts("8"), func() hubrules.Points {
		var sum hubrules.Points
		for _, in := range g.Params().Sheet(hubrules.SocialGroup).Indicators {
			for _, it := range in.Items {
				if it.Party {
					sum += it.Max
				}
			}
		}
		return sum
	}())
}

func TestGRD_PARTY_01_JiangsuRatioOnNationalSheet(t *testing.T) {
	p := grading.FormPercent{OwnBranch: 100, JointBranch: 100, ActivityBranch: 100, Liaison: 75, None: 0}
	assert.Equal(t, pts("20"), grading.PartySetupScore(p, hubrules.OwnBranch, pts("20")))
	assert.Equal(t, pts("15"), grading.PartySetupScore(p, hubrules.Liaison, pts("20")))
	assert.Equal(t, pts("0"), grading.PartySetupScore(p, hubrules.NoPartyForm, pts("20")))
	assert.Equal(t, pts("11.2"), grading.PartySetupScore(p, hubrules.Liaison, pts("15")), "rounded down to a tenth")
}

func TestGRD_PARTY_01_ShanghaiGateShouldHaveButHasNone(t *testing.T) {
	for _, c := range []struct {
		date     string
		members  int
		form     hubrules.PartyForm
		evaluted bool
	}{
		{"2025-06-01", 3, hubrules.NoPartyForm, false},
		{"2025-06-01", 3, hubrules.Liaison, false},
		{"2025-06-01", 2, hubrules.NoPartyForm, true},
		{"2025-06-01", 3, hubrules.JointBranch, true},
		{"2025-05-18", 3, hubrules.NoPartyForm, true},
	} {
		g := grader(t, hubrules.Jingan, c.date)
		s := sheetTotal(t, g, "org", hubrules.SocialGroup, c.form, pts("95"))
		s.FormalPartyMembers = hubrules.Ptr(c.members)
		r, err := g.Grade(&s)
		require.NoError(t, err)
		assert.Equal(t, c.evaluted, r.Evaluated, "%+v", c)
		if !c.evaluted {
			assert.Equal(t, hubrules.NoGrade, r.Grade)
			assert.Equal(t, hubrules.Grade5A, r.BandGrade, "the score is still explained")
			assert.Equal(t, []string{grading.RuleParty}, hubrules.Report{Findings: r.Findings}.FailedRules())
		} else {
			assert.Equal(t, hubrules.Grade5A, r.Grade)
		}
	}
}

func TestGRD_PARTY_01_AnhuiNoPartyOrganizationNo5A(t *testing.T) {
	g := grader(t, hubrules.Xiyuan, "2024-01-01")
	for _, c := range []struct {
		form hubrules.PartyForm
		want hubrules.Grade
	}{{hubrules.OwnBranch, hubrules.Grade5A}, {hubrules.ActivityBranch, hubrules.Grade5A}, {hubrules.Liaison, hubrules.Grade4A}, {hubrules.NoPartyForm, hubrules.Grade4A}} {
		s := sheetTotal(t, g, "org", hubrules.SocialGroup, c.form, pts("980"))
		r, err := g.Grade(&s)
		require.NoError(t, err)
		assert.Equal(t, c.want, r.Grade, string(c.form))
		assert.Equal(t, hubrules.Grade5A, r.BandGrade)
	}
	// a 4A without a party organization is not touched by the cap
	s := sheetTotal(t, g, "org", hubrules.SocialGroup, hubrules.NoPartyForm, pts("920"))
	r, err := g.Grade(&s)
	require.NoError(t, err)
	assert.Equal(t, hubrules.Grade4A, r.Grade)
	assert.Equal(t, hubrules.Pass, outcome(r.Checks, grading.RuleParty))
	// before the Anhui notice the national profile has no cap
	g = grader(t, hubrules.Xiyuan, "2020-01-01")
	s = sheetTotal(t, g, "org", hubrules.SocialGroup, hubrules.NoPartyForm, pts("980"))
	r, err = g.Grade(&s)
	require.NoError(t, err)
	assert.Equal(t, hubrules.Grade5A, r.Grade)
}

func TestGRD_SYS_01_MissingSystemsLowerGovernance(t *testing.T) {
	g := grader(t, hubrules.Wuliqiao, "2024-01-01")
	s := sheetTotal(t, g, "org", hubrules.SocialGroup, hubrules.OwnBranch, pts("81"))
	s.Systems = []grading.System{grading.SysBoard, grading.SysFinance, grading.SysDisclosure, grading.SysMajorMatters, grading.SysArchives}
	r, err := g.Grade(&s)
	require.NoError(t, err)
	assert.Equal(t, []grading.System{grading.SysSupervisory, grading.SysLabour}, r.Missing)
	assert.Equal(t, pts("1"), r.Indicators[1].Deduction, "2 × 0.5")
	assert.Equal(t, pts("80"), r.Total)
	assert.Equal(t, hubrules.Grade3A, r.Grade, "81 → 80 crosses the 80/81 edge")
	assert.Equal(t, hubrules.Fail, outcome(r.Checks, grading.RuleSystems))
	assert.Len(t, hubrules.Report{Findings: r.Findings}.FindingsFor(grading.RuleSystems), 2)

	s.Systems = nil
	r, err = g.Grade(&s)
	require.NoError(t, err)
	assert.Equal(t, hubrules.NotApplicable, outcome(r.Checks, grading.RuleSystems))

	all := grading.Systems()
	res, err := grading.CheckSystems("org", all[:])
	require.NoError(t, err)
	assert.Equal(t, hubrules.Pass, res.Check.Outcome)
	res, err = grading.CheckSystems("org", nil)
	require.NoError(t, err)
	assert.Len(t, res.Findings, 7)
	assert.Equal(t, "理事会制度", grading.SysBoard.Name().ZH)
	_, err = grading.CheckSystems("org", []grading.System{"board", "board"})
	inputErr(t, err)
}
