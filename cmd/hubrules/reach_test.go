package main

import (
	"encoding/json"
	"path/filepath"
	"sort"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
	"github.com/hubrules/hubrules/grading"
	"github.com/hubrules/hubrules/hub"
	"github.com/hubrules/hubrules/incubation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// unreachable are the rules of the catalogues that no kind reports as a
// check, each with the reason. A rule added to a catalogue must be checked
// by some kind on its sample input, or be listed here.
var unreachable = map[string]string{
	// A record-keeping rule of this library, not of a policy text: every
	// "incubate" decision appends to record.history, and the request's
	// history is replayed and compared before firing (a mismatch is an
	// *InputError), so there is no pass or fail outcome to report.
	"INC-HIST-01": "record-keeping: enforced on every incubate request, no check outcome",
}

// TestReach_EveryRuleIsCheckedByAKind runs every sample input and checks
// that each rule of every package's catalogue is among the checks of at
// least one output, or in unreachable with its reason.
func TestReach_EveryRuleIsCheckedByAKind(t *testing.T) {
	checked := map[string][]string{}
	for _, name := range sampleNames() {
		s := samples[name]
		args := append(append([]string{}, s.args...), "--in", filepath.Join("testdata", s.in))
		_, out, errOut := runCLI(t, "", args...)
		require.Empty(t, errOut, name)
		var d struct {
			Checks []struct {
				Rule string `json:"rule"`
			} `json:"checks"`
		}
		require.NoError(t, json.Unmarshal([]byte(out), &d), name)
		for _, c := range d.Checks {
			checked[c.Rule] = append(checked[c.Rule], name)
		}
	}
	all := hubrules.Join(hub.Rules(), funding.Rules(), grading.Rules(), incubation.Rules())
	var missing []string
	for _, r := range all {
		_, excluded := unreachable[r.ID]
		switch {
		case len(checked[r.ID]) > 0:
			assert.False(t, excluded, "%s is checked by %v: remove it from unreachable", r.ID, checked[r.ID])
		case !excluded:
			missing = append(missing, r.ID)
		}
	}
	sort.Strings(missing)
	assert.Empty(t, missing, "rules no kind checks on its sample input: add a kind or a sample, or list them in unreachable with the reason")
	for id := range unreachable {
		found := false
		for _, r := range all {
			found = found || r.ID == id
		}
		assert.True(t, found, "unreachable lists %s, which no catalogue has", id)
	}
}
