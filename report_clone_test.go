package hubrules_test

import (
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/clone"
	"github.com/hubrules/hubrules/internal/testutil"
	"github.com/stretchr/testify/assert"
)

func sampleReport() hubrules.Report {
	return hubrules.Report{
		Basis:    hubrules.Basis{Programme: hubrules.Kaixuan, Params: []hubrules.ParamRef{{Name: "a", Value: "1"}}, Missing: []hubrules.Unset{{Name: "b"}}},
		Checks:   []hubrules.Check{{Rule: "R-1", Outcome: hubrules.Fail}},
		Findings: []hubrules.Finding{{Rule: "R-1", Severity: hubrules.Violation, Facts: []hubrules.Fact{{Name: "n", Value: "3"}}}},
	}
}

// Clones, Only and FindingsFor share no memory with what they came from.
func TestReport_CopiesShareNothing(t *testing.T) {
	r := sampleReport()
	want := clone.Copy(r)
	testutil.Scribble(r.Clone())
	testutil.Scribble(r.Basis.Clone())
	testutil.Scribble(r.Basis.Only("a", "b"))
	testutil.Scribble(r.FindingsFor("R-1"))
	testutil.Scribble(hubrules.CloneFindings(r.Findings))
	var into hubrules.Basis
	r.Basis.CloneInto(&into)
	testutil.Scribble(into)
	assert.Equal(t, want, r)
	assert.Nil(t, hubrules.Basis{}.Clone().Params, "nil stays nil")

	// CloneInto reuses the destination's arrays when they are large enough.
	allocs := testing.AllocsPerRun(100, func() { r.Basis.CloneInto(&into) })
	assert.Zero(t, allocs)
	assert.Equal(t, r.Basis, into)
}
