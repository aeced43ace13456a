package decide_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/decide"
)

// Decide answers as the CLI does: on the CLI's sample inputs, the same
// decision as the CLI's golden output.
func TestDecide_AnswersAsTheCLI(t *testing.T) {
	cases := []struct {
		kind, sample string
		programme    hubrules.Programme
		date         string
		outcome      hubrules.DecisionOutcome
	}{
		{"check sync", "check-sync", hubrules.Kaixuan, "2024-12-31", hubrules.OutcomeFindings},
		{"grade", "grade", hubrules.Xiyuan, "2024-06-01", ""},
		{"fund ledger", "fund-ledger", hubrules.Jingan, "2018-12-31", ""},
		{"incubate", "incubate", hubrules.Kaixuan, "2024-03-01", ""},
		{"check statistics", "check-statistics", hubrules.National, "2024-06-30", hubrules.OutcomeWarnings},
	}
	for _, c := range cases {
		t.Run(c.kind, func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join("..", "cmd", "hubrules", "testdata", c.sample+".json"))
			require.NoError(t, err)
			d, err := decide.Decide(decide.Request{Kind: c.kind, Programme: c.programme, Date: hubrules.MustParseDate(c.date), Input: in})
			require.NoError(t, err)
			if c.outcome != "" {
				assert.Equal(t, c.outcome, d.Outcome)
			}
			got, err := json.Marshal(d)
			require.NoError(t, err)
			want, err := os.ReadFile(filepath.Join("..", "cmd", "hubrules", "testdata", "golden", c.sample+".json"))
			require.NoError(t, err)
			var g, w any
			require.NoError(t, json.Unmarshal(got, &g))
			require.NoError(t, json.Unmarshal(want, &w))
			assert.Equal(t, w, g, "the CLI's golden decision")
		})
	}
}

// A request without a programme or date, or for an unknown kind, or with
// a malformed input, is an InputError naming the field; nothing is
// defaulted.
func TestDecide_BadRequestsNameTheField(t *testing.T) {
	field := func(err error) string {
		var ie *hubrules.InputError
		require.True(t, errors.As(err, &ie), "%v", err)
		return ie.Fields[0].Path
	}
	_, err := decide.Decide(decide.Request{Kind: "check synk", Programme: hubrules.Kaixuan, Date: hubrules.MustParseDate("2024-12-31")})
	assert.Equal(t, "kind", field(err))
	assert.Contains(t, err.Error(), "did you mean check sync?")
	_, err = decide.Decide(decide.Request{Kind: "check sync", Date: hubrules.MustParseDate("2024-12-31"), Input: []byte(`{}`)})
	assert.Equal(t, "programme", field(err))
	_, err = decide.Decide(decide.Request{Kind: "check-sync", Programme: hubrules.Kaixuan, Input: []byte(`{}`)})
	assert.Equal(t, "date", field(err))
	_, err = decide.Decide(decide.Request{Kind: "check sync", Programme: hubrules.Kaixuan, Date: hubrules.MustParseDate("2024-12-31"), Input: []byte(`{"id":"a","id":"b"}`)})
	assert.Equal(t, "id", field(err))
	other, err := hubrules.ParseParams([]byte("package: funding\nparameters:\n  fee.rate:\n    description: {zh: 费率}\n    values:\n      - {programme: national, from: 2020-01-01, value: \"0.05\", confidence: illustrative, source: {title: {zh: 测试}}}\n"))
	require.NoError(t, err)
	_, err = decide.Decide(decide.Request{Kind: "check sync", Programme: hubrules.Kaixuan, Date: hubrules.MustParseDate("2024-12-31"), Params: []*hubrules.ParamSet{other}, Input: []byte(`{}`)})
	assert.Contains(t, field(err), "params[0]", "a file for another package has no effect: refused")
	assert.Contains(t, decide.Kinds(), "fund ledger")
}

func ExampleDecide() {
	in := []byte(`{"project": "社区睦邻点运营（假设的项目）", "total": "286000.00"}`)
	d, err := decide.Decide(decide.Request{Kind: "fund fee", Programme: hubrules.Lujiazui, Date: hubrules.MustParseDate("2016-06-30"), Input: in})
	if err != nil {
		panic(err)
	}
	out, _ := json.Marshal(map[string]any{"kind": d.Kind, "outcome": d.Outcome, "findings": len(d.Findings)})
	fmt.Println(string(out))
	// Output:
	// {"findings":0,"kind":"fund fee","outcome":"compliant"}
}
