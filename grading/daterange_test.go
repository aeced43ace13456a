package grading_test

import (
	"encoding/json"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
	"github.com/hubrules/hubrules/internal/datetest"
)

func TestGRD_VALID_01_ComputedDatesNeverPass9999(t *testing.T) {
	s := standing(t)
	last := d("9999-12-31")

	rec := &grading.OrgRecord{Org: "a", Registered: d("9990-01-01"), Award: &grading.Award{Grade: hubrules.Grade4A, Announced: d("9999-06-01")}}
	_, err := s.At(rec, last)
	datetest.RequireRefused(t, err, "award.announced")

	_, err = s.At(&grading.OrgRecord{Org: "new", Registered: d("9999-01-01")}, last)
	datetest.RequireRefused(t, err, "registered")

	// the last award whose validity ends in 9999: a downgrade in its last
	// days would have its certificate back in 10000
	var award *grading.Award
	for y := 9999; y > 9990 && award == nil; y-- {
		a := &grading.Award{Grade: hubrules.Grade4A, Announced: hubrules.NewDate(y, 1, 1)}
		r, err := s.At(&grading.OrgRecord{Org: "a", Registered: d("9980-01-01"), Award: a}, last)
		if err == nil && r.ValidUntil == last {
			award = a
		}
	}
	require.NotNil(t, award, "an award valid until 9999-12-31")
	rec = &grading.OrgRecord{Org: "a", Registered: d("9980-01-01"), Award: award,
		Inspections: []grading.Inspection{{Year: 9998, Result: grading.Failed, Concluded: d("9999-12-30")}}}
	_, err = s.At(rec, last)
	datetest.RequireRefused(t, err, "inspections[0].concluded")

	// one day earlier in the year, every date of the result reads back
	rec.Inspections[0].Concluded = d("9999-12-01")
	r, err := s.At(rec, last)
	require.NoError(t, err)
	require.Len(t, r.Downgrades, 1)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	for _, m := range regexp.MustCompile(`"-?\d{4,}-\d{2}-\d{2}"`).FindAllString(string(b), -1) {
		_, err := hubrules.ParseDate(m[1 : len(m)-1])
		assert.NoError(t, err, m)
	}
}
