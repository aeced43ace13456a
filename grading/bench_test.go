package grading_test

import (
	"encoding/json"
	"slices"
	"strconv"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
)

func BenchmarkGrade(b *testing.B) {
	g := grader(b, hubrules.Jingan, "2025-06-01")
	s := sheetTotal(b, g, "org", hubrules.SocialGroup, hubrules.Liaison, pts("84.5"))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := g.Grade(&s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGrade100k(b *testing.B) {
	g := grader(b, hubrules.Xiyuan, "2024-06-01")
	var sheets []grading.ScoreSheet
	parties := []hubrules.PartyForm{hubrules.OwnBranch, hubrules.JointBranch, hubrules.Liaison, hubrules.NoPartyForm}
	for i := 0; i < 100; i++ {
		s := sheetTotal(b, g, "org", hubrules.LegalForm([]hubrules.LegalForm{hubrules.SocialGroup, hubrules.Foundation, hubrules.SocialServiceInstitution}[i%3]),
			parties[i%4], hubrules.Pt(int64(650+i*3)))
		if i%5 == 0 {
			s.Systems = []grading.System{grading.SysBoard}
		}
		sheets = append(sheets, s)
	}
	b.Run("Grade", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			for j := 0; j < 100000; j++ {
				if _, err := g.Grade(&sheets[j%len(sheets)]); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/100000, "ns/org")
	})
	b.Run("GradeInto", func(b *testing.B) {
		var r grading.Result
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			for j := 0; j < 100000; j++ {
				if err := g.GradeInto(&r, &sheets[j%len(sheets)]); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/100000, "ns/org")
	})
}

func BenchmarkStandingAt(b *testing.B) {
	s, _ := grading.NewStanding(hubrules.National, hubrules.NewDate(2030, 12, 31))
	rec := &grading.OrgRecord{Org: "a", Registered: d("2010-01-01"), Award: &grading.Award{Grade: hubrules.Grade4A, Announced: d("2022-03-01")},
		Inspections: passedYears(2018, 2024)}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := s.At(rec, d("2025-06-01")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGradeInto grades into one reused Result, as a register loop would.
func BenchmarkGradeInto(b *testing.B) {
	g := grader(b, hubrules.Jingan, "2025-06-01")
	s := sheetTotal(b, g, "org", hubrules.SocialGroup, hubrules.Liaison, pts("84.5"))
	var r grading.Result
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := g.GradeInto(&r, &s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGradeScale grades one sheet of 10 to 1,000 items (scaledGrader)
// to show that the cost per item stays flat: Grade, GradeInto into a reused
// Result (0 allocations), GradeInto with the scores in reverse order (every
// lookup away from the expected position), and DecodeScoreSheet of the
// sheet's JSON. ns/item is ns/op over the sheet's items.
func BenchmarkGradeScale(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		g := scaledGrader(b, n)
		s := scaledSheet(g)
		rev := s
		rev.Scores = slices.Clone(s.Scores)
		slices.Reverse(rev.Scores)
		data, err := json.Marshal(s)
		if err != nil {
			b.Fatal(err)
		}
		perItem := func(b *testing.B) {
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/item")
		}
		name := "/items=" + strconv.Itoa(n)
		b.Run("op=Grade"+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := g.Grade(&s); err != nil {
					b.Fatal(err)
				}
			}
			perItem(b)
		})
		for _, c := range []struct {
			op string
			s  *grading.ScoreSheet
		}{{"GradeInto", &s}, {"GradeIntoReversed", &rev}} {
			b.Run("op="+c.op+name, func(b *testing.B) {
				var r grading.Result
				if err := g.GradeInto(&r, c.s); err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				for b.Loop() {
					if err := g.GradeInto(&r, c.s); err != nil {
						b.Fatal(err)
					}
				}
				perItem(b)
			})
		}
		b.Run("op=Decode"+name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := grading.DecodeScoreSheet(data); err != nil {
					b.Fatal(err)
				}
			}
			perItem(b)
		})
	}
}
