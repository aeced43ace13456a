package hub_test

import (
	"strconv"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

// hub100k is a compliant hub of 100,000 members with mixed forms and
// categories and fresh censuses.
func hub100k() hub.Members { return hubOf(100_000) }

// BenchmarkCoverageScale checks hubs of 1,000 to 1,000,000 members and
// reports the cost per member (ns/member), which stays flat when the
// members are read in one pass and duplicate IDs are found by sorting their
// hashes, not by probing a table larger than the cache (issue 19 item 7):
//
//	go test -run '^$' -bench BenchmarkCoverageScale -count 6 ./hub
func BenchmarkCoverageScale(b *testing.B) {
	c := checker(b, hubrules.National)
	for _, n := range []int{1_000, 10_000, 100_000, 1_000_000} {
		m := hubOf(n)
		b.Run("members="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r, err := c.Coverage(m, asOf)
				if err != nil || r.Total != n || len(r.Report.Findings) != 0 {
					b.Fatal(err, len(r.Report.Findings))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/member")
		})
	}
}

// hubOf is a compliant hub of n members with mixed forms and categories,
// cross appointments with their persons, and fresh censuses.
func hubOf(n int) hub.Members {
	forms := []hubrules.PartyForm{hubrules.OwnBranch, hubrules.JointBranch, hubrules.ActivityBranch, hubrules.Liaison}
	formal := []int{5, 2, 1, 0}
	cats := hub.Categories()
	census := hubrules.MustParseDate("2024-03-01")
	ms := make([]hub.Member, n)
	for i := range ms {
		k := i % 4
		ms[i] = hub.Member{ID: "org-" + strconv.Itoa(i), Category: cats[i%len(cats)], Form: forms[k], FormalMembers: hubrules.Ptr(formal[k]),
			CensusOn: census}
		// Only an organization with a party organization (not the liaison,
		// k == 3) can be cross-appointed; 60 % of the members with 2
		// persons each meet the 75 % target.
		if k != 3 && i%5 != 0 {
			ms[i].CrossAppointed, ms[i].CrossAppointedPersons = true, hubrules.Ptr(2)
		}
	}
	return hub.Members{Hub: "bench", Members: ms}
}

func BenchmarkCoverage100k(b *testing.B) {
	c := checker(b, hubrules.National)
	m := hub100k()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := c.Coverage(m, asOf)
		if err != nil || r.Total != 100_000 || len(r.Report.Findings) != 0 {
			b.Fatal(err, len(r.Report.Findings))
		}
	}
}

func BenchmarkForm(b *testing.B) {
	c := checker(b, hubrules.National)
	b.ReportAllocs()
	var d hub.FormDecision
	for i := 0; i < b.N; i++ {
		d, _ = c.Form(i & 127)
	}
	_ = d
}

func BenchmarkCheckStructureKaixuan(b *testing.B) {
	c := checker(b, hubrules.Kaixuan)
	s, err := hub.DecodeStructure(fixture(b, "kaixuan_structure.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := c.CheckStructure(s, asOf); err != nil {
			b.Fatal(err)
		}
	}
}
