package hub_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

// The -update flag rewrites the golden files. Another test file of the
// package may define it first; then that definition is used.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata/")
	}
}

func syncUpdate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// syncGoldenOrg is a kaixuan organization with every link applicable and
// a mix of outcomes: SYNC-2 census late, SYNC-3 one quarter short,
// SYNC-5 review after the election; the others pass.
func syncGoldenOrg() hub.SyncOrg {
	return hub.SyncOrg{ID: "kaixuan-2022-017", FormalMembers: hubrules.Ptr(3), FormalMembersAtRegistration: hubrules.Ptr(3), PartyForm: hubrules.OwnBranch, Events: []hub.SyncEvent{
		{Kind: hub.EventWorkPlanSubmitted, Date: syncD("2022-03-01"), Ref: "凯益荟党建方案〔2022〕17号"},
		{Kind: hub.EventRegistered, Date: syncD("2022-03-01")},
		{Kind: hub.EventMovedIn, Date: syncD("2022-03-15")},
		{Kind: hub.EventCensusRecorded, Date: syncD("2022-04-20")},
		{Kind: hub.EventJointActivity, Date: syncD("2023-07-25")},
		{Kind: hub.EventJointActivity, Date: syncD("2024-01-25")},
		{Kind: hub.EventJointActivity, Date: syncD("2024-04-25")},
		{Kind: hub.EventAnnualReportFiled, Date: syncD("2023-05-20"), PartySection: true},
		{Kind: hub.EventAnnualReportFiled, Date: syncD("2024-05-20"), PartySection: true},
		{Kind: hub.EventBoardReelected, Date: syncD("2024-03-10")},
		{Kind: hub.EventCandidatesReviewed, Date: syncD("2024-03-12")},
		{Kind: hub.EventEvaluated, Date: syncD("2024-04-10"), PartyAssessed: true},
	}}
}

func TestSyncResult_GoldenJSONKaixuan(t *testing.T) {
	c := syncChecker(t, hubrules.Kaixuan)
	r, err := c.Check(syncGoldenOrg(), syncD("2024-06-30"))
	require.NoError(t, err)
	got, err := json.MarshalIndent(r, "", "  ")
	require.NoError(t, err)
	got = append(got, '\n')
	path := filepath.Join("testdata", "sync_kaixuan_golden.json")
	if syncUpdate() {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./hub -run Golden -update")
	assert.JSONEq(t, string(want), string(got))

	assert.Equal(t, []string{"SYNC-2", "SYNC-3", "SYNC-5"}, r.Failed().Rules())
	var shape struct {
		Checked []string `json:"checked"`
		Links   []struct {
			Rule     string `json:"rule"`
			Outcome  string `json:"outcome"`
			Evidence []struct {
				DaysApart  *int `json:"days_apart"`
				WindowDays *int `json:"window_days"`
			} `json:"evidence"`
		} `json:"links"`
	}
	require.NoError(t, json.Unmarshal(got, &shape))
	require.Len(t, shape.Links, 6)
	assert.Equal(t, "SYNC-2", shape.Links[1].Rule)
	assert.Equal(t, "fail", shape.Links[1].Outcome)
	assert.Equal(t, 36, *shape.Links[1].Evidence[0].DaysApart)
	assert.Equal(t, 30, *shape.Links[1].Evidence[0].WindowDays)
	assert.Equal(t, 2, *shape.Links[4].Evidence[0].DaysApart)
}

func TestSyncResult_JSONOnlyCheckedLinks(t *testing.T) {
	c := syncChecker(t, hubrules.Jingan)
	r, err := c.Check(syncGoldenOrg(), syncD("2024-06-30"))
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var shape struct {
		Profile string   `json:"profile"`
		Checked []string `json:"checked"`
		Links   []struct {
			Rule string `json:"rule"`
		} `json:"links"`
	}
	require.NoError(t, json.Unmarshal(b, &shape))
	assert.Equal(t, "jingan_sync", shape.Profile)
	assert.Equal(t, []string{"SYNC-1", "SYNC-4", "SYNC-6"}, shape.Checked)
	require.Len(t, shape.Links, 3)
	assert.Equal(t, "SYNC-4", shape.Links[1].Rule)
}

func TestSyncOrg_DecodeJSON(t *testing.T) {
	var org hub.SyncOrg
	err := hubrules.DecodeJSON([]byte(`{"id":"a","formal_members":2,"party_form":"joint_branch","events":[
		{"kind":"registered","date":"2022-03-01"},
		{"kind":"annual_report_filed","date":"2023-03-01","party_section":true}]}`), &org)
	require.NoError(t, err)
	assert.True(t, org.Events[1].PartySection)
	dec, err := hub.DecodeSyncOrg([]byte(`{"id":"a","formal_members":2,"party_form":"joint_branch","events":[{"kind":"registered","date":"2022-03-01"},{"kind":"annual_report_filed","date":"2023-03-01","party_section":true}]}`))
	require.NoError(t, err)
	assert.Equal(t, org, dec)
	_, err = hub.DecodeSyncOrg([]byte(`{"id":"a","party_form":"liaison","colour":"red"}`))
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)

	err = hubrules.DecodeJSON([]byte(`{"id":"a","formal_members":-2,"party_form":"cell","events":[{"kind":"oath","date":"2022-02-30"}]}`), &org)
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	// encoding/json reports the field without the array index ("events.date");
	// the root DecodeJSON finds the element and names it.
	_, ok := ie.Field("events[0].date")
	assert.True(t, ok, ie.Error())

	_, err = hub.DecodeSyncOrg([]byte(`{"id":"a","formal_members":-2,"party_form":"cell","events":[{"kind":"oath","date":"2022-02-01"}]}`))
	require.ErrorAs(t, err, &ie)
	for _, p := range []string{"formal_members", "party_form", "events[0].kind"} {
		_, ok := ie.Field(p)
		assert.True(t, ok, p)
	}
}

func TestSyncResult_JSONRoundTrip(t *testing.T) {
	orgs := append(syncMix(24), syncGoldenOrg(), syncFullOrg())
	for _, p := range []hubrules.Programme{hubrules.Kaixuan, hubrules.Jingan, hubrules.Wuliqiao} {
		c := syncChecker(t, p)
		for _, o := range orgs {
			r, err := c.Check(o, syncD("2024-06-30"))
			require.NoError(t, err)
			b, err := json.Marshal(r)
			require.NoError(t, err)
			var back hub.SyncResult
			require.NoError(t, json.Unmarshal(b, &back), string(b))
			assert.Equal(t, r.Links, back.Links, o.ID)
			assert.Equal(t, r.Checked, back.Checked)
			assert.Equal(t, r.Basis(), back.Basis())
			assert.Equal(t, r.Report(), back.Report())
			b2, err := json.Marshal(back)
			require.NoError(t, err)
			assert.JSONEq(t, string(b), string(b2))
		}
	}
	var back hub.SyncResult
	err := json.Unmarshal([]byte(`{"links":[{"rule":"SYNC-9","reason":"synchronized"}]}`), &back)
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	_, ok := ie.Field("links[0].rule")
	assert.True(t, ok)
	err = json.Unmarshal([]byte(`{"links":[{"rule":"SYNC-1","reason":"bribed"}]}`), &back)
	require.ErrorAs(t, err, &ie)
}
