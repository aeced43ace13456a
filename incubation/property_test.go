package incubation_test

import (
	"errors"
	"math/rand"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/incubation"
)

// randomFacts draws facts that sometimes meet the guards and sometimes not.
func randomFacts(rng *rand.Rand) incubation.Facts {
	pick := func(n int) int { return rng.Intn(n) }
	modes := []incubation.EntryMode{"", incubation.AsOrganization, incubation.AsProject}
	bases := []incubation.Base{"", incubation.DistrictBase, incubation.SocialBase, incubation.PracticePark}
	forms := []hubrules.PartyForm{"", hubrules.OwnBranch, hubrules.JointBranch, hubrules.ActivityBranch, hubrules.Liaison, hubrules.NoPartyForm}
	regs := []incubation.Registration{"", incubation.Unregistered, incubation.Filed, incubation.Registered}
	govs := []incubation.GovernanceProject{"", incubation.NoGovernanceProject, incubation.PurchasedService, incubation.ClaimedProject}
	f := incubation.Facts{
		Actor: "actor", ServesCommunity: pick(4) > 0, CensusDone: pick(4) > 0,
		EntryMode: modes[pick(3)], Base: bases[pick(4)],
		Registration: regs[pick(4)], OwnBoard: pick(4) > 0, OwnAccounts: pick(4) > 0,
		OwnPremises: pick(2) == 0, PremisesAgreement: pick(2) == 0,
		FormalMembers: hubrules.Ptr(pick(6)), PartyForm: forms[pick(6)], ProjectsDelivered: hubrules.Ptr(pick(3)),
		GovernanceProject: govs[pick(4)],
	}
	if pick(4) > 0 {
		f.Leader = "负责人"
	}
	if pick(5) > 0 {
		f.AssessmentScore = incubation.ScoreOf(hubrules.Points(500 + pick(501))) // 50.0–100.0 in tenths
	}
	if pick(5) > 0 {
		f.SatisfactionPercent = incubation.ScoreOf(hubrules.Points(700 + pick(301))) // 70.0–100.0
	}
	return f
}

// Property (INC-HIST-01): random trigger sequences from random states never
// produce an undefined state, never lose history, and replay reproduces the
// record.
func TestINC_HIST_01_Property_RandomSequences(t *testing.T) {
	m := machine(t)
	rng := rand.New(rand.NewSource(20261121))
	triggers := incubation.Triggers()
	for run := 0; run < 300; run++ {
		start := incubation.States()[rng.Intn(len(incubation.States()))]
		rec := recordIn(t, m, start)
		date := rec.History
		d := day0.AddDays(200)
		if n := len(date); n > 0 {
			d = date[n-1].Date
		}
		for step := 0; step < 25; step++ {
			d = d.AddDays(rng.Intn(60))
			tr := triggers[rng.Intn(len(triggers))]
			before := len(rec.History)
			next, dec, err := m.Fire(rec, tr, randomFacts(rng), d)
			if err != nil {
				require.True(t, errors.Is(err, incubation.ErrTransitionNotAllowed), "%v", err)
				assert.False(t, incubation.Can(rec.State, tr))
				assert.Equal(t, rec, next)
				continue
			}
			require.True(t, next.State.Valid(), "undefined state %q", next.State)
			require.Len(t, next.History, before+1, "history lost")
			assert.Equal(t, rec.History, next.History[:before])
			if dec.Fired() {
				assert.Empty(t, dec.Unmet())
			} else {
				assert.NotEmpty(t, dec.Unmet())
				assert.Equal(t, rec.State, next.State)
			}
			rec = next
		}
		if len(rec.History) == 0 {
			continue
		}
		rep, err := incubation.Replay(rec.History)
		require.NoError(t, err)
		require.Equal(t, rec, rep)
		assert.LessOrEqual(t, rec.Extensions, m.Params().ExtensionMax)
	}
}
