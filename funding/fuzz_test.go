package funding_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// FuzzDecodeAndEvaluate decodes arbitrary JSON into every input type and
// evaluates it: nothing panics and every error is an input error.
func FuzzDecodeAndEvaluate(f *testing.F) {
	f.Add([]byte(`{"project":"p","total":"1000.00"}`))
	f.Add([]byte(`{"class":"private_other","last_year_net_assets":"1000000.00","total_spending":"10","management_costs":"1"}`))
	f.Add([]byte(`{"projects":[{"id":"a","score":"90","request":"100.00","budget":"300.00"}],"pool":"1000.00"}`))
	f.Add([]byte(`{"year":2020,"accounting_profit":"-1","qualified":"5","carry_forward":[{"year":2019,"amount":"3"}]}`))
	f.Add([]byte(`{"post":"head","years_of_service":99,"base":"1e9"}`))
	f.Add([]byte(`{"junior":22,"intermediate":15}`))
	f.Add([]byte(`{"items":[{"id":"x","kind":"post"}],"disbursements":[{"item":"x","amount":"1.00"}]}`))
	f.Add([]byte(`{"id":"c","service":"elderly","amount":"1.00","schedule":[{"milestone":"signed","share":"1"}]}`))
	es := map[hubrules.Programme]*funding.Evaluator{}
	for _, p := range hubrules.Programmes() {
		e, err := funding.NewEvaluator(p, d2020)
		require.NoError(f, err)
		es[p] = e
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ok := func(err error) {
			if err != nil {
				require.ErrorIs(t, err, hubrules.ErrInvalidInput, err.Error())
			}
		}
		for _, e := range es {
			var fee funding.FeeInput
			if hubrules.DecodeJSON(data, &fee) == nil {
				_, err := e.Fee(fee)
				ok(err)
			}
			var ch funding.CharityInput
			if hubrules.DecodeJSON(data, &ch) == nil {
				_, err := e.Charity(ch)
				ok(err)
			}
			var v funding.VentureInput
			if hubrules.DecodeJSON(data, &v) == nil {
				_, err := e.Venture(v)
				ok(err)
			}
			var d funding.EnterpriseDonationInput
			if hubrules.DecodeJSON(data, &d) == nil {
				_, err := e.DonateEnterprise(d)
				ok(err)
			}
			var pay funding.PayInput
			if hubrules.DecodeJSON(data, &pay) == nil {
				_, err := e.Pay(pay)
				ok(err)
			}
			var a funding.AllowanceInput
			if hubrules.DecodeJSON(data, &a) == nil {
				_, err := e.Allowance(a)
				ok(err)
			}
			var c funding.ContractInput
			if hubrules.DecodeJSON(data, &c) == nil {
				_, err := e.NewContract(c)
				ok(err)
			}
		}
		var fo funding.FollowInput
		if hubrules.DecodeJSON(data, &fo) == nil {
			_, err := funding.Follow(fo)
			ok(err)
		}
	})
}

// TestVenture_Golden keeps the fully explained venture result of a small
// wuliqiao round in testdata/venture_wuliqiao.json (go test -update).
func TestVenture_Golden(t *testing.T) {
	e := ev(t, hubrules.Wuliqiao)
	r, err := e.Venture(funding.VentureInput{Projects: []funding.VentureProject{
		{ID: "助老", Score: hubrules.Ptr(score("92.5")), Request: hubrules.Ptr(m("60000"))},
		{ID: "青少年", Score: hubrules.Ptr(score("88")), Request: hubrules.Ptr(m("35000.50"))},
		{ID: "睦邻", Score: hubrules.Ptr(score("88")), Request: hubrules.Ptr(m("20000"))},
	}})
	require.NoError(t, err)
	got, err := json.MarshalIndent(r, "", "  ")
	require.NoError(t, err)
	path := filepath.Join("testdata", "venture_wuliqiao.json")
	if *update {
		require.NoError(t, os.WriteFile(path, append(got, '\n'), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update")
	assert.JSONEq(t, string(want), string(got))
}

func TestResults_RoundTripJSON(t *testing.T) {
	e := ev(t, hubrules.Wuliqiao)
	r, err := e.Venture(funding.VentureInput{Projects: []funding.VentureProject{{ID: "a", Score: hubrules.Ptr(score("90.5")), Request: hubrules.Ptr(m("1000.01"))}}})
	require.NoError(t, err)
	b1, err := json.Marshal(r)
	require.NoError(t, err)
	var back funding.VentureResult
	require.NoError(t, json.Unmarshal(b1, &back))
	b2, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(b1), string(b2))

	c, err := ev(t, hubrules.National).Charity(funding.CharityInput{Class: funding.PrivateFoundation, LastYearIncome: hubrules.Ptr(m("0")), LastYearNetAssets: hubrules.Ptr(m("5000000")),
		CharitableSpending: hubrules.Ptr(m("0")), TotalSpending: hubrules.Ptr(m("1")), ManagementCosts: hubrules.Ptr(m("0"))})
	require.NoError(t, err)
	b1, err = json.Marshal(c)
	require.NoError(t, err)
	var cb funding.CharityResult
	require.NoError(t, json.Unmarshal(b1, &cb))
	b2, _ = json.Marshal(cb)
	assert.JSONEq(t, string(b1), string(b2))
}
