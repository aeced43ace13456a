package grading_test

import (
	"encoding/json"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// GRD-LEVEL-01: GradeInto gives exactly what Grade gives, whatever the
// reused Result held before, and a zero Result on an error.
func TestGRD_LEVEL_01_GradeIntoEqualsGrade(t *testing.T) {
	g := grader(t, hubrules.Xiyuan, "2024-06-01")
	sheets := []grading.ScoreSheet{
		sheetTotal(t, g, "a", hubrules.SocialGroup, hubrules.OwnBranch, hubrules.Pt(960)),
		sheetTotal(t, g, "b", hubrules.Foundation, hubrules.Liaison, hubrules.Pt(820)),
		sheetTotal(t, g, "c", hubrules.SocialServiceInstitution, hubrules.NoPartyForm, hubrules.Pt(700)),
	}
	sheets[1].Systems = []grading.System{grading.SysBoard}
	var r grading.Result
	for round := 0; round < 2; round++ {
		for i := range sheets {
			want, err := g.Grade(&sheets[i])
			require.NoError(t, err)
			require.NoError(t, g.GradeInto(&r, &sheets[i]))
			w, _ := json.Marshal(want)
			got, _ := json.Marshal(r)
			assert.JSONEq(t, string(w), string(got), "sheet %d round %d", i, round)
		}
	}
	bad := grading.ScoreSheet{Org: "x", LegalForm: "club"}
	assert.ErrorIs(t, g.GradeInto(&r, &bad), hubrules.ErrInvalidInput)
	assert.Equal(t, grading.Result{}, r)
	assert.ErrorIs(t, g.GradeInto(nil, &sheets[0]), hubrules.ErrInvalidInput)
}
