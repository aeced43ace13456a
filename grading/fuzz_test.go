package grading_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
)

func FuzzDecodeAndGrade(f *testing.F) {
	f.Add([]byte(`{"org":"a","legal_form":"social_group","party_form":"liaison","formal_party_members":3,"scores":[{"item":"hr","points":"3.5"}],"systems":["board"]}`), uint8(0))
	f.Add([]byte(`{"org":"a","legal_form":"foundation","party_form":"own_branch","scores":[{"item":"performance","points":400}],"bonus":"120"}`), uint8(1))
	f.Add([]byte(`{"org":"a","legal_form":"community_org","party_form":"none","scores":[{"item":"hr","points":"-0.5"},{"item":"hr","points":"9e9"}]}`), uint8(2))
	f.Add([]byte(`{"org":"a","legal_form":"social_service_institution","party_form":"joint_branch","scores":[{"item":"x","points":"1.25"}]}`), uint8(3))
	f.Add([]byte(`[`), uint8(4))
	graders := []*grading.Grader{grader(f, hubrules.Xiyuan, "2024-01-01"), grader(f, hubrules.Jingan, "2025-06-01"),
		overlayGrader(f, jinganWeight300, hubrules.Jingan, "2025-06-01")}
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		s, err := grading.DecodeScoreSheet(data)
		if err != nil {
			if !errors.Is(err, hubrules.ErrInvalidInput) {
				t.Fatalf("decode error is not an InputError: %v", err)
			}
			return
		}
		g := graders[int(which)%len(graders)]
		before, _ := json.Marshal(s)
		r, err := g.Grade(&s)
		after, _ := json.Marshal(s)
		if string(before) != string(after) {
			t.Fatal("the sheet was modified")
		}
		if err != nil {
			var ie *hubrules.InputError
			if !errors.As(err, &ie) || len(ie.Fields) == 0 {
				t.Fatalf("grade error is not an InputError: %v", err)
			}
			return
		}
		if r.Total < 0 || r.Total > r.Full+g.Params().BonusMax {
			t.Fatalf("total %s outside 0–%s", r.Total, r.Full+g.Params().BonusMax)
		}
		if r.Grade.Rank() > r.BandGrade.Rank() {
			t.Fatal("gates never raise a grade")
		}
		if _, err := json.Marshal(r); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzStandingAt(f *testing.F) {
	f.Add([]byte(`{"org":"a","registered":"2015-01-01","award":{"grade":"4A","announced":"2026-03-01"},"inspections":[{"year":2026,"result":"failed","concluded":"2027-05-01"}],"penalties":[{"imposed":"2027-06-01","warning":true}]}`), "2028-01-01")
	f.Add([]byte(`{"org":"a","registered":"2015-01-01","inspections":[{"year":2026,"result":"skipped","concluded":"2025-05-01"}]}`), "2026-02-28")
	s, err := grading.NewStanding(hubrules.National, hubrules.NewDate(2030, 12, 31))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, date string) {
		var rec grading.OrgRecord
		if err := hubrules.DecodeJSON(data, &rec); err != nil {
			return
		}
		dd, err := hubrules.ParseDate(date)
		if err != nil {
			return
		}
		r, err := s.At(&rec, dd)
		if err != nil {
			if !errors.Is(err, hubrules.ErrInvalidInput) {
				t.Fatalf("not an InputError: %v", err)
			}
			return
		}
		if !r.Valid && r.EffectiveGrade != hubrules.NoGrade {
			t.Fatal("an invalid grade has no effective grade")
		}
		if r.EffectiveGrade.Rank() > r.AwardedGrade.Rank() {
			t.Fatal("downgrades never raise")
		}
	})
}
