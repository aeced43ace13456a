package incubation_test

import (
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/incubation"
)

func BenchmarkFire_GraduateRefused(b *testing.B) {
	m := machine(b)
	rec := recordIn(b, m, incubation.Growing)
	f := gradFacts()
	f.ProjectsDelivered = hubrules.Ptr(0)
	d := day0.AddYears(1)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, _, _ = m.Fire(rec, incubation.Graduate, f, d)
	}
}

func BenchmarkFire_Promote(b *testing.B) {
	m := machine(b)
	rec := recordIn(b, m, incubation.Incubating)
	d := day0.AddYears(1)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, _, _ = m.Fire(rec, incubation.Promote, incubation.Facts{}, d)
	}
}

// history50 is a 50-entry history: admit, promote, 47 refused graduations, graduate.
func history50(b *testing.B) []incubation.Entry {
	m := machine(b)
	rec := recordIn(b, m, incubation.Growing)
	d := rec.History[len(rec.History)-1].Date
	bad := gradFacts()
	bad.AssessmentScore = incubation.ScoreOf(hubrules.Pt(59))
	for len(rec.History) < 49 {
		d = d.AddDays(7)
		rec, _ = fire(b, m, rec, incubation.Graduate, bad, d)
	}
	rec, _ = fire(b, m, rec, incubation.Graduate, gradFacts(), d.AddDays(7))
	if len(rec.History) != 50 || rec.State != incubation.Graduated {
		b.Fatalf("history of %d entries in %s", len(rec.History), rec.State)
	}
	return rec.History
}

func BenchmarkReplay_50Entries(b *testing.B) {
	h := history50(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := incubation.Replay(h); err != nil {
			b.Fatal(err)
		}
	}
}
