package incubation_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/incubation"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), got)
}

func TestGraph_MermaidGolden(t *testing.T) {
	got := incubation.Mermaid()
	golden(t, "machine.mmd", got)
	assert.Equal(t, got, incubation.Mermaid(), "deterministic")
	for _, id := range []string{"INC-ADMIT-01", "INC-NET-01", "INC-PERIOD-01", "INC-GRAD-01", "INC-GOV-01"} {
		assert.Contains(t, got, id)
	}
}

func TestGraph_DOTGolden(t *testing.T) {
	got := incubation.DOT()
	golden(t, "machine.dot", got)
	assert.Equal(t, got, incubation.DOT(), "deterministic")
}

// The Mermaid diagram in doc.go is the one Mermaid returns.
func TestGraph_DocCarriesTheDiagram(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	for _, line := range strings.Split(strings.TrimSpace(incubation.Mermaid()), "\n") {
		assert.Contains(t, string(doc), "//\t"+line)
	}
}

// A refused graduation, as JSON: every unmet criterion with its facts and
// parameter, and the basis with each parameter's provenance.
func TestINC_GRAD_01_RefusedDecisionGolden(t *testing.T) {
	m := machine(t)
	rec := recordIn(t, m, incubation.Growing)
	f := gradFacts()
	f.OwnAccounts = false
	f.FormalMembers, f.PartyForm = hubrules.Ptr(4), hubrules.JointBranch
	f.ProjectsDelivered = hubrules.Ptr(0)
	f.AssessmentScore = incubation.ScoreOf(hubrules.MustPoints("59.5"))
	f.SatisfactionPercent = incubation.ScoreOf(hubrules.Pt(79))
	_, dec := fire(t, m, rec, incubation.Graduate, f, day0.AddYears(1))
	data, err := json.MarshalIndent(dec, "", "  ")
	require.NoError(t, err)
	golden(t, "refused_graduation.json", string(data)+"\n")
}
