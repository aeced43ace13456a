package grading_test

import (
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
