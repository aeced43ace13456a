package reliability_test

import (
	"encoding/json"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
	"github.com/hubrules/hubrules/incubation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Personal data (PIPL): a leader's or actor's name never appears in a
// decision's criteria or findings, and a masked record or request carries
// none of the personal fields.
func TestPersonalData_NeverInFindingsAndGoneWhenMasked(t *testing.T) {
	m, err := incubation.NewMachine(hubrules.Kaixuan, hubrules.MustParseDate("2024-03-01"))
	require.NoError(t, err)
	facts := incubation.Facts{Actor: "王五", Note: "联系人张三 13800000000", ServesCommunity: true, Leader: "张三",
		CensusDone: true, EntryMode: incubation.AsOrganization, Base: incubation.DistrictBase}
	rec, dec, err := m.Fire(incubation.NewRecord("org-1"), incubation.Admit, facts, hubrules.MustParseDate("2024-03-01"))
	require.NoError(t, err)
	require.True(t, dec.Fired())

	decJSON, err := json.Marshal(dec)
	require.NoError(t, err)
	for _, name := range []string{"张三", "王五", "13800000000"} {
		assert.NotContains(t, string(decJSON), name, "a decision never repeats personal data")
		assert.NotContains(t, dec.Describe(hubrules.ZH), name)
		assert.NotContains(t, dec.Describe(hubrules.EN), name)
	}

	recJSON, err := json.Marshal(rec)
	require.NoError(t, err)
	assert.Contains(t, string(recJSON), "王五", "the unmasked history keeps the actor for the street's own records")
	for _, how := range []hubrules.Masking{hubrules.MaskHash, hubrules.MaskRemove} {
		masked, err := json.Marshal(hubrules.Mask(rec, how, []byte("district-salt")))
		require.NoError(t, err)
		req, err := json.Marshal(hubrules.Mask(incubation.Request{Record: incubation.NewRecord("org-1"), Trigger: incubation.Admit, Facts: facts, Date: hubrules.MustParseDate("2024-03-01")}, how, []byte("s")))
		require.NoError(t, err)
		for _, name := range []string{"张三", "王五", "13800000000"} {
			assert.NotContains(t, string(masked), name)
			assert.NotContains(t, string(req), name)
		}
	}

	rating := grading.AnnualInput{Org: "o", Year: 2023, Ratings: []grading.Rating{{Group: "experts", Rater: "专家赵六"}}}
	masked, err := json.Marshal(hubrules.Mask(rating, hubrules.MaskHash, []byte("s")))
	require.NoError(t, err)
	assert.NotContains(t, string(masked), "赵六")

	audit, err := hubrules.NewAuditRecord(hubrules.Mask(facts, hubrules.MaskHash, []byte("s")), dec.Report(), incubation.DefaultParamSet().Digest())
	require.NoError(t, err)
	b, err := json.Marshal(audit)
	require.NoError(t, err)
	assert.NotContains(t, string(b), "张三")
	var back hubrules.AuditRecord
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, audit, back)
}
