package pages

import (
	"net/url"
	"strings"
	"testing"
)

// FuzzPages_AnyInputIsAPageNeverAPanic posts any text as the input of
// "try it" (for a few kinds) and of the hub report: the answer is a page,
// 200 or 400, never a panic or a 500.
func FuzzPages_AnyInputIsAPageNeverAPanic(f *testing.F) {
	h := testMux(f)
	for _, s := range []string{"check-sync.json", "check-coverage.json", "grade.json", "incubate-graduate.json", "fund-fee.json", "report/hub.json"} {
		f.Add(string(readSample(f, s)), uint8(len(s)))
	}
	f.Add(`{"sync": [{"id": "x", "formal_members": 1, "party_form": "none", "events": [{"kind": "registered", "date": "0001-01-01"}]}]}`, uint8(5))
	kinds := []string{"check sync", "check coverage", "grade", "incubate", "fund fee"}
	f.Fuzz(func(t *testing.T, input string, pick uint8) {
		target := "/report"
		form := url.Values{"programme": {"kaixuan"}, "date": {"2024-12-31"}, "input": {input}}
		if pick%6 < 5 {
			target = "/try"
			form.Set("kind", kinds[pick%6])
		}
		p := postForm(t, h, target, form)
		if p.status != 200 && p.status != 400 {
			t.Fatalf("%s: status %d", target, p.status)
		}
		if !strings.Contains(p.body, "</html>") {
			t.Fatalf("%s: half a page", target)
		}
	})
}
