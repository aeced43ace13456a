package hub

import (
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
)

// marshalSyncResultReference is the encoding/json form the hand-written
// encoder must match byte for byte.
func marshalSyncResultReference(r *SyncResult) ([]byte, error) {
	out := syncResultJSON{OrgID: r.OrgID, Programme: r.Programme, Profile: r.Profile, AsOf: r.AsOf,
		Compliant: r.Compliant(), Checked: r.Checked.Rules(), Failed: r.Failed().Rules(),
		Links: make([]syncLinkJSON, 0, 6), Basis: r.Basis()}
	for i := range r.Links {
		if r.Links[i].Checked {
			out.Links = append(out.Links, r.Links[i].shape())
		}
	}
	return json.Marshal(out)
}

// shape is a link's JSON shape, as MarshalJSON wrote it with
// encoding/json before the hand-written encoder.
func (l *SyncLinkResult) shape() syncLinkJSON {
	out := syncLinkJSON{Rule: l.Rule(), Link: l.Link.Code(), Name: l.Link.Name(), Outcome: l.Outcome,
		Reason: l.Reason.Code(), Message: l.Reason.Text(),
		Business: syncBusinessJSON{Kind: l.BusinessKind, Seen: l.BusinessSeen, Date: l.BusinessDate,
			Count: l.BusinessCount, Failing: l.BusinessFailing}}
	if l.Link.Valid() {
		out.Source = syncSources[l.Link]
	}
	for _, r := range l.Unmet.List() {
		out.Unmet = append(out.Unmet, syncReasonJSON{Code: r.Code(), Message: r.Text()})
	}
	for _, e := range l.EvidenceList() {
		ej := syncEvidenceJSON{Kind: e.Kind, Applies: e.Applies, Seen: e.Seen, Date: e.Date, Met: e.Met, Window: syncWindowOf(e.Kind)}
		if e.Timed {
			w := e.WindowDays
			ej.WindowDays = &w
			if e.Seen {
				d := e.DaysApart
				ej.DaysApart = &d
			}
		}
		out.Evidence = append(out.Evidence, ej)
	}
	out.Years, out.OpenYear = l.ReportYears(), l.OpenYear
	if l.Link == LinkRegistration && l.approvalRequired() {
		m := l.FormalMembersAtRegistration
		out.MembersAtRegistration = &m
	}
	if l.Link == LinkManagement && l.BusinessSeen {
		out.Coverage = &syncCoverageJSON{FormalMembers: l.FormalMembers, PartyForm: l.PartyForm,
			RequiredForm: l.RequiredForm, Met: !l.Unmet.Has(SyncReasonCoverageShort)}
		out.Activities = &syncActivitiesJSON{QuartersChecked: l.QuartersChecked, QuartersShort: l.QuartersShort,
			MinPerQuarter: l.MinPerQuarter, FirstShortQuarter: l.FirstShortQuarter}
	}
	return out
}

// TestSyncJSONAsMarshal: the results of the samples and of thousands of
// generated logs, checked by every programme on dates from 2002 (rules not
// in force) to 2026, write exactly the bytes encoding/json writes of the
// same shapes, each link alone too.
func TestSyncJSONAsMarshal(t *testing.T) {
	var orgs []SyncOrg
	for _, data := range syncInputs(t) {
		var o SyncOrg
		if hubrules.DecodeJSON(data, &o) == nil {
			orgs = append(orgs, o)
		}
	}
	rng := rand.New(rand.NewPCG(7, 8))
	for len(orgs) < 700 {
		data, _ := variant(rng)
		var o SyncOrg
		if hubrules.DecodeJSON(data, &o) == nil {
			orgs = append(orgs, o)
		}
	}
	// Logs from before the programmes' rules were in force.
	for _, data := range []string{
		`{"id":"early-1","formal_members":4,"party_form":"own_branch","events":[{"kind":"registered","date":"2001-03-01"},{"kind":"moved_in","date":"2001-05-01"},{"kind":"annual_report_filed","date":"2002-04-01"}]}`,
		`{"id":"early-2","formal_members":0,"party_form":"none","events":[{"kind":"registered","date":"2001-01-05"},{"kind":"evaluated","date":"2002-01-05"}]}`,
	} {
		var o SyncOrg
		require.NoError(t, hubrules.DecodeJSON([]byte(data), &o))
		orgs = append(orgs, o)
	}
	// A string with every character encoding/json escapes.
	orgs[0].ID = "<a&b> \"q\" \\ \u2028 \t 凯旋"
	var checked int
	var failed, notInForce SyncLinks
	for _, p := range []hubrules.Programme{hubrules.Kaixuan, hubrules.Jingan, hubrules.Wuliqiao} {
		for _, day := range []string{"2002-06-30", "2005-06-30", "2012-03-01", "2016-09-01", "2019-12-31", "2024-06-30", "2026-06-30"} {
			asOf := hubrules.MustParseDate(day)
			c, err := NewSyncChecker(p, asOf)
			require.NoError(t, err)
			for i := range orgs {
				r, err := c.Check(orgs[i], asOf)
				if err != nil {
					continue // an input error of the date (events after it, …)
				}
				checked++
				want, err := marshalSyncResultReference(&r)
				require.NoError(t, err)
				got, err := r.MarshalJSON()
				require.NoError(t, err)
				require.Equal(t, string(want), string(got), "%s %s %s", p, day, r.OrgID)
				for _, l := range r.Links {
					want, err := json.Marshal(l.shape())
					require.NoError(t, err)
					got, err := l.MarshalJSON()
					require.NoError(t, err)
					require.Equal(t, string(want), string(got))
					switch l.Outcome {
					case hubrules.Fail:
						failed = failed.With(l.Link)
					case hubrules.NotInForce:
						notInForce = notInForce.With(l.Link)
					}
				}
			}
		}
	}
	require.Greater(t, checked, 2000)
	require.Equal(t, AllSyncLinks, failed, "the results should fail every link")
	require.NotZero(t, notInForce, "some links should be checked before their rule is in force")
	// A zero result (no checker) writes as encoding/json writes it too.
	var zero SyncResult
	want, err := marshalSyncResultReference(&zero)
	require.NoError(t, err)
	got, err := zero.MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, string(want), string(got))
}
