package pages_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/kinds"
	"github.com/hubrules/hubrules/internal/pages"
)

// A hub's report from its members and one organization's log: the
// decisions it is made of, then one self-contained HTML page.
func ExampleBuildReport() {
	in, err := pages.DecodeReportInput([]byte(`{"hub": "示例枢纽",
		"members": [{"id": "a", "category": "charity", "form": "own_branch", "formal_members": 3, "cross_appointed": true, "census_on": "2024-06-01"},
		            {"id": "b", "category": "charity", "form": "liaison", "formal_members": 0, "census_on": "2024-06-01"}],
		"sync": [{"id": "a", "formal_members": 3, "party_form": "own_branch",
		          "events": [{"kind": "work_plan_submitted", "date": "2024-01-02"}, {"kind": "registered", "date": "2024-01-05"}]}]}`), hubrules.DefaultLimits())
	if err != nil {
		fmt.Println(err)
		return
	}
	rep, err := pages.BuildReport(kinds.Env{Programme: hubrules.Kaixuan, Date: hubrules.MustParseDate("2024-12-31")}, in)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rep.Coverage.Kind, rep.Coverage.Outcome)
	for _, d := range rep.Sync {
		fmt.Println(d.Kind, d.Outcome, len(d.Checks), "links checked")
	}
	var page strings.Builder
	if err := pages.WriteReport(&page, rep, hubrules.EN, true); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	fmt.Println(strings.Contains(page.String(), "<h2 id=\"stats-h\">Party statistics</h2>"))
	// Output:
	// check coverage warnings
	// check sync compliant 6 links checked
	// true
}
