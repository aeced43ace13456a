package policytest_test

import (
	"fmt"
	"regexp"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/policytest"
)

// RunFiles runs scenario files, folders or glob patterns, as hubrules test
// does; Options.Run picks scenarios by name.
func ExampleRunFiles() {
	res := policytest.RunFiles([]string{"testdata/hub_seeds.yaml"}, policytest.Options{Run: regexp.MustCompile("liaison")})
	fmt.Print(res.Text(hubrules.EN))
	fmt.Println(res.OK())
	// Output:
	// PASS testdata/hub_seeds.yaml:49  four formal members with only a liaison fall short of an own branch
	// 1 passed, 0 failed, 0 errors, 4 skipped
	// true
}

// A mistyped key is one error of its case, with the nearest valid key; the
// other cases of the file are still read.
func ExampleParseFile() {
	cases, _ := policytest.ParseFile("typo.yaml", []byte(`
cases:
  - name: a typo
    date: 2024-06-30
    kind: check forms
    input: {organizations: [{id: a, formal_members: 3, form: own_branch}]}
    expect: {complaint: true}
  - name: no typo
    date: 2024-06-30
    kind: check forms
    input: {organizations: [{id: a, formal_members: 3, form: own_branch}]}
    expect: {compliant: true}
`))
	for _, c := range cases {
		r := c.Evaluate()
		fmt.Println(r.Name, r.Status)
		for _, p := range r.Errors {
			fmt.Printf("  line %d %s, did you mean %s?\n", p.Line, p.Path, p.DidYouMean)
		}
	}
	// Output:
	// a typo error
	//   line 7 cases[0].expect.complaint, did you mean compliant?
	// no typo pass
}
