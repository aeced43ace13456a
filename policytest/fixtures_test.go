package policytest_test

import (
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
	"github.com/hubrules/hubrules/hub"
	"github.com/hubrules/hubrules/policytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFixtures_CompliantOrgPassesAndOneChangeFailsOneLink(t *testing.T) {
	c, err := hub.NewSyncChecker(hubrules.Kaixuan, hubrules.MustParseDate("2024-12-31"))
	require.NoError(t, err)
	asOf := hubrules.MustParseDate("2024-12-31")

	res, err := c.Check(policytest.CompliantSyncOrg("org-1").Build(), asOf)
	require.NoError(t, err)
	policytest.RequireCompliant(t, &res)

	bad := policytest.NewSyncOrg("org-2", 3, hubrules.OwnBranch).PlanOn("2022-03-01").Registered("2022-03-01").
		AnnualReport("2023-05-20", false).AnnualReport("2024-05-20", true).Build()
	res, err = c.Check(bad, asOf)
	require.NoError(t, err)
	policytest.RequireFinding(t, &res, "SYNC-4")
	policytest.RequireNoFinding(t, &res, "SYNC-1")

	b := policytest.NewSyncOrg("org-3", 0, hubrules.Liaison).Registered("2024-01-05").PlanOn("2024-01-10").
		Interviewed("2024-01-20").Approved("2024-01-06")
	first := b.Build()
	b.Joint("2024-02-25")
	assert.Len(t, first.Events, 4, "Build returns a copy the builder does not change")
	res, err = c.Check(b.Build(), asOf)
	require.NoError(t, err)
	policytest.RequireFinding(t, &res, "SYNC-1")
}

func TestFixtures_MembersAndSheets(t *testing.T) {
	hc, err := hub.NewChecker(hubrules.Wuliqiao, hubrules.MustParseDate("2024-06-30"))
	require.NoError(t, err)
	cov, err := hc.Coverage(hub.Members{Hub: "h", Members: []hub.Member{
		policytest.Member("a", hub.Charity, hubrules.OwnBranch, 3, true),
		policytest.Member("b", hub.Charity, hubrules.Liaison, 4, false),
	}}, hubrules.MustParseDate("2024-06-30"))
	require.NoError(t, err)
	policytest.RequireFinding(t, policytest.AsReport(cov.Report), "HUB-COV-02")

	g, err := grading.NewGrader(hubrules.Xiyuan, hubrules.MustParseDate("2024-06-01"))
	require.NoError(t, err)
	s := policytest.Sheet("甲", hubrules.SocialGroup, hubrules.OwnBranch, 5,
		"legal_person", "30", "charter", "15", "registration", "20", "annual_inspection", "15", "planning", "20",
		"organization", "90", "governance_other", "245", "performance", "395", "social_evaluation", "115")
	r, err := g.Grade(&s)
	require.NoError(t, err)
	policytest.RequireGrade(t, r.Grade, hubrules.Grade5A, "945 points on the items plus 15 for the party set-up computed from the own branch")
}
