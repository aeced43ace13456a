package policytest_test

import (
	"os"
	"testing"

	"github.com/hubrules/hubrules/policytest"
)

// FuzzParseFile: no scenario file, however malformed, panics the parser or
// the evaluation; every problem has a message in both languages.
func FuzzParseFile(f *testing.F) {
	for _, name := range []string{"testdata/hub_seeds.yaml", "testdata/grading_seeds.yaml", "testdata/funding_seeds.yaml"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("cases:\n  - {name: a, date: 2024-01-01, kind: check forms, input: &a {organizations: *a}, expect: {}}\n"))
	f.Add([]byte("cases: [{name: x, expcet: {}, params: {package: hub}}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cases, probs := policytest.ParseFile("fuzz.yaml", data)
		for _, c := range cases {
			r := c.Evaluate()
			probs = append(probs, r.Errors...)
			for _, x := range r.Failures {
				if x.Message.ZH == "" || x.Message.EN == "" {
					t.Fatalf("failure without both messages: %+v", x)
				}
			}
		}
		for _, p := range probs {
			if p.Message.ZH == "" || p.Message.EN == "" {
				t.Fatalf("problem without both messages: %+v", p)
			}
		}
	})
}
