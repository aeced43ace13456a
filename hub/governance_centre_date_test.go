package hub_test

import (
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// HUB-CENTRE-01 comes from a standard in force from 2021-12-15: before that
// day a checker still builds (coverage and forms do not need it) and the
// centre rule answers not_in_force, with a notice naming the day it starts.
func TestHUB_CENTRE_01_NotInForceBeforeTheStandard(t *testing.T) {
	c, err := hub.NewChecker(hubrules.Kaixuan, hubrules.MustParseDate("2021-12-14"))
	require.NoError(t, err)
	start := hubrules.MustParseDate("2021-12-15")
	assert.Equal(t, []hubrules.Unset{{Name: "centre.min_office_m2", Starts: start}, {Name: "centre.min_operator_grade", Starts: start}}, c.Basis().Missing)
	r, err := c.CheckCentre(hub.Centre{LegalForm: hubrules.SocialGroup, RunsDoubleIncubation: true}, hubrules.MustParseDate("2021-12-14"))
	require.NoError(t, err)
	assert.Equal(t, hubrules.NotInForce, r.Outcome(hub.RuleCentre01))
	require.Len(t, r.Findings, 1)
	assert.Equal(t, hubrules.Notice, r.Findings[0].Severity)
	assert.Contains(t, r.Findings[0].Facts, hubrules.Fact{Name: "starts", Value: "2021-12-15"})
	assert.True(t, r.Compliant())

	c, err = hub.NewChecker(hubrules.Kaixuan, hubrules.MustParseDate("2021-12-15"))
	require.NoError(t, err)
	r, err = c.CheckCentre(hub.Centre{LegalForm: hubrules.SocialGroup, RunsDoubleIncubation: true}, hubrules.MustParseDate("2021-12-15"))
	require.NoError(t, err)
	assert.Equal(t, hubrules.Fail, r.Outcome(hub.RuleCentre01))
}
