package funding_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
)

// decodeRun decodes data into a new T as the CLI does and runs eval on it;
// it returns the paths of the *InputError's fields.
func decodeRun[T any](t *testing.T, data string, eval func(T) error) []string {
	t.Helper()
	var in T
	err := hubrules.DecodeJSON([]byte(data), &in)
	if err == nil {
		err = eval(in)
	}
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie, data)
	var paths []string
	for _, f := range ie.Fields {
		assert.NotEmpty(t, f.Message.ZH)
		assert.NotEmpty(t, f.Message.EN)
		paths = append(paths, f.Path)
	}
	return paths
}

// Each case was read as zero before: the fee of a missing total was 0.00
// and passed, a project without a score ranked with score 0, and so on.
func TestMissingAmounts_AreInputErrorsNotZero(t *testing.T) {
	e := ev(t, hubrules.Wuliqiao)
	assert.Equal(t, []string{"total"}, decodeRun(t, `{"project":"p"}`, func(in funding.FeeInput) error { _, err := e.Fee(in); return err }))
	assert.Equal(t, []string{"projects[1].score", "projects[2].request"}, decodeRun(t,
		`{"pool":"100.00","projects":[{"id":"a","score":"80","request":"5.00"},{"id":"b","request":"5.00"},{"id":"c","score":"70"}]}`,
		func(in funding.VentureInput) error { _, err := e.Venture(in); return err }))
	assert.Equal(t, []string{"already_granted", "fund_used"}, decodeRun(t, `{"org":"o","started":"2019-01-01","normal_operation":true}`,
		func(in funding.StartInput) error { _, err := e.Start(in, d2020); return err }))
	assert.Equal(t, []string{"years_of_service", "base"}, decodeRun(t, `{"worker":"w","post":"other"}`,
		func(in funding.PayInput) error { _, err := e.Pay(in); return err }))
	// The Go API lists every missing amount at once; the decoder first
	// refuses those the type requires always.
	_, err := e.Charity(funding.CharityInput{Org: "o", Class: funding.PrivateOther, TotalSpending: hubrules.Ptr(m("1"))})
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	var got []string
	for _, f := range ie.Fields {
		got = append(got, f.Path)
	}
	assert.ElementsMatch(t, []string{"charitable_spending", "management_costs", "last_year_income", "last_year_net_assets"}, got)
	assert.Equal(t, []string{"charitable_spending", "management_costs"}, decodeRun(t,
		`{"org":"o","class":"private_other","total_spending":"1.00"}`,
		func(in funding.CharityInput) error { _, err := e.Charity(in); return err }))
	assert.ElementsMatch(t, []string{"avg_income_3y", "avg_net_assets_3y"}, decodeRun(t,
		`{"org":"o","class":"private_other","use_average":true,"last_year_income":"1.00","last_year_net_assets":"1.00","charitable_spending":"1.00","total_spending":"1.00","management_costs":"0.00"}`,
		func(in funding.CharityInput) error { _, err := e.Charity(in); return err }))
	assert.Equal(t, []string{"accounting_profit", "qualified", "carry_forward[0].amount"}, decodeRun(t, `{"year":2020,"carry_forward":[{"year":2019}]}`,
		func(in funding.EnterpriseDonationInput) error { _, err := e.DonateEnterprise(in); return err }))
	assert.Equal(t, []string{"taxable_income", "qualified"}, decodeRun(t, `{}`,
		func(in funding.IndividualDonationInput) error { _, err := e.DonateIndividual(in); return err }))
}

// Zero is still a value: a total of 0.00 is a fee of 0.00, a pool given as
// 0.00 funds nothing (before, it fell back to the parameter).
func TestZeroAmounts_AreValues(t *testing.T) {
	e := ev(t, hubrules.Wuliqiao)
	r, err := e.Fee(funding.FeeInput{Project: "p", Total: hubrules.Ptr(m("0"))})
	require.NoError(t, err)
	assert.True(t, r.Fee.IsZero())
	v, err := e.Venture(funding.VentureInput{Pool: hubrules.Ptr(m("0")), Projects: []funding.VentureProject{{ID: "a", Score: hubrules.Ptr(score("90")), Request: hubrules.Ptr(m("10"))}}})
	require.NoError(t, err)
	assert.True(t, v.Pool.IsZero())
	assert.True(t, v.Awarded.IsZero())
	// A pay record without the average wage skips the floor check, as its
	// doc says; a wage given as 0.00 is refused.
	_, err = e.Pay(funding.PayInput{Worker: "w", Post: funding.PostOther, YearsOfService: hubrules.Ptr(0), Base: hubrules.Ptr(m("1")), LastYearAverageWage: hubrules.Ptr(m("0"))})
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "last_year_average_wage", ie.Fields[0].Path)
}
