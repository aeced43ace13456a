package hub_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

// A batch gives, for every organization and evaluation date, the same
// result or the same error as CheckInto on the organization itself.
func TestSyncBatch_SameResultAsCheckInto(t *testing.T) {
	orgs := syncMix(300)
	// One long log (more than 64 events: pooled scratch instead of the stack).
	long := orgs[0]
	long.ID = "long"
	long.Events = append([]hub.SyncEvent(nil), long.Events...)
	for d := syncD("2010-01-01"); len(long.Events) < 200; d = d.AddDays(7) {
		long.Events = append(long.Events, hub.SyncEvent{Kind: hub.EventJointActivity, Date: d})
	}
	orgs = append(orgs, long)
	// Logs of 63, 64 and 65 events: the last chained and the first scanned.
	for _, n := range []int{63, 64, 65} {
		o := long
		o.ID = "len-" + hubrules.Index("", n)
		o.Events = long.Events[len(long.Events)-n:]
		orgs = append(orgs, o)
	}
	// Events before the zero Date (0000-03-01): valid days, below zero.
	old := hub.SyncOrg{ID: "old", FormalMembers: hubrules.Ptr(0), PartyForm: hubrules.Liaison, Events: []hub.SyncEvent{
		{Kind: hub.EventRegistered, Date: hubrules.Date{}.AddDays(-400)},
		{Kind: hub.EventWorkPlanSubmitted, Date: hubrules.Date{}.AddDays(-390)}}}
	orgs = append(orgs, old)
	var b hub.SyncBatch
	b.Grow(len(orgs), 0)
	for i := range orgs {
		require.NoError(t, b.Add(&orgs[i]), orgs[i].ID)
	}
	require.Equal(t, len(orgs), b.Len())
	// 2024-06-30 is the checkers' own date; the others compute SYNC-3's
	// window, and 2019-06-30 precedes many events (an input error).
	for _, day := range []string{"2024-06-30", "2024-07-01", "2023-12-31", "2019-06-30"} {
		asOf := syncD(day)
		for _, p := range []hubrules.Programme{hubrules.Kaixuan, hubrules.Jingan, hubrules.Wuliqiao} {
			c, err := hub.NewSyncChecker(p, syncD("2024-06-30"))
			require.NoError(t, err)
			var want, got hub.SyncResult
			got.OrgID = "dirty" // overwritten entirely
			for i := range orgs {
				wantErr := c.CheckInto(&want, &orgs[i], asOf)
				err := c.CheckBatchInto(&got, &b, i, asOf)
				require.Equal(t, wantErr, err, "%s %s %s", p, day, orgs[i].ID)
				require.Equal(t, want, got, "%s %s %s", p, day, orgs[i].ID)
			}
		}
	}
	assert.Equal(t, "long", b.ID(len(orgs)-5))
	// The old organization as of a day still before the zero Date.
	c, err := hub.NewSyncChecker(hubrules.Kaixuan, syncD("2024-06-30"))
	require.NoError(t, err)
	early := hubrules.Date{}.AddDays(-10)
	var want, got hub.SyncResult
	require.NoError(t, c.CheckInto(&want, &old, early))
	require.NoError(t, c.CheckBatchInto(&got, &b, len(orgs)-1, early))
	assert.Equal(t, want, got)
	assert.Equal(t, *orgs[7].FormalMembers, b.FormalMembers(7))
	assert.Equal(t, orgs[7].PartyForm, b.PartyForm(7))
}

// Add refuses what Check refuses (except events after the evaluation date,
// which only the check can know), with the same fields, and leaves the
// batch as it was.
func TestSyncBatch_AddRefusesBadInput(t *testing.T) {
	asOf := syncD("2024-06-30")
	c, err := hub.NewSyncChecker(hubrules.Kaixuan, asOf)
	require.NoError(t, err)
	good := syncMix(2)
	var b hub.SyncBatch
	require.NoError(t, b.Add(&good[0]))
	bads := []hub.SyncOrg{
		{ID: "", FormalMembers: hubrules.Ptr(-1), PartyForm: "team"},
		{ID: "kind", FormalMembers: hubrules.Ptr(0), PartyForm: hubrules.Liaison, Events: []hub.SyncEvent{{Kind: "signed", Date: asOf}}},
		{ID: "dup", FormalMembers: hubrules.Ptr(0), PartyForm: hubrules.Liaison, Events: []hub.SyncEvent{{Kind: hub.EventMovedIn, Date: asOf}, {Kind: hub.EventMovedIn, Date: asOf}}},
		{ID: "order", FormalMembers: hubrules.Ptr(0), PartyForm: hubrules.Liaison, Events: []hub.SyncEvent{
			{Kind: hub.EventRegistered, Date: syncD("2022-01-01")}, {Kind: hub.EventEvaluated, Date: syncD("2021-01-01")}}},
		{ID: "flag", FormalMembers: hubrules.Ptr(0), PartyForm: hubrules.Liaison, Events: []hub.SyncEvent{{Kind: hub.EventMovedIn, Date: asOf, PartySection: true}}},
		{ID: "many", FormalMembers: hubrules.Ptr(0), PartyForm: hubrules.Liaison, Events: make([]hub.SyncEvent, hub.MaxSyncEvents+1)},
	}
	for i := range bads {
		err := b.Add(&bads[i])
		require.ErrorIs(t, err, hubrules.ErrInvalidInput, bads[i].ID)
		_, checkErr := c.Check(bads[i], asOf)
		assert.Equal(t, checkErr, err, bads[i].ID)
		assert.Equal(t, 1, b.Len(), "a refused organization is not added")
	}
	require.NoError(t, b.Add(&good[1]))
	var want, got hub.SyncResult
	require.NoError(t, c.CheckInto(&want, &good[1], asOf))
	require.NoError(t, c.CheckBatchInto(&got, &b, 1, asOf))
	assert.Equal(t, want, got, "a refused organization leaves no events behind")

	require.ErrorIs(t, b.Add(nil), hubrules.ErrInvalidInput)
	var nilBatch *hub.SyncBatch
	require.ErrorIs(t, nilBatch.Add(&good[0]), hubrules.ErrInvalidInput)
	assert.Equal(t, 0, nilBatch.Len())
}

func TestSyncBatch_CheckErrors(t *testing.T) {
	asOf := syncD("2024-06-30")
	c, err := hub.NewSyncChecker(hubrules.Kaixuan, asOf)
	require.NoError(t, err)
	orgs := syncMix(1)
	var b hub.SyncBatch
	require.NoError(t, b.Add(&orgs[0]))
	var dst hub.SyncResult
	require.NoError(t, c.CheckBatchInto(&dst, &b, 0, asOf))
	for _, tc := range []struct {
		name string
		call func() error
		path string
	}{
		{"index below", func() error { return c.CheckBatchInto(&dst, &b, -1, asOf) }, "index"},
		{"index above", func() error { return c.CheckBatchInto(&dst, &b, 1, asOf) }, "index"},
		{"no date", func() error { return c.CheckBatchInto(&dst, &b, 0, hubrules.Date{}) }, "as_of"},
		{"nil batch", func() error { return c.CheckBatchInto(&dst, nil, 0, asOf) }, ""},
		{"nil checker", func() error { return (*hub.SyncChecker)(nil).CheckBatchInto(&dst, &b, 0, asOf) }, ""},
	} {
		require.NoError(t, c.CheckBatchInto(&dst, &b, 0, asOf))
		require.NotZero(t, dst.OrgID)
		var ie *hubrules.InputError
		require.ErrorAs(t, tc.call(), &ie, tc.name)
		assert.Equal(t, tc.path, ie.Fields[0].Path, tc.name)
		assert.NotEmpty(t, ie.Fields[0].Message.ZH, tc.name)
		assert.NotEmpty(t, ie.Fields[0].Message.EN, tc.name)
		assert.Equal(t, hub.SyncResult{}, dst, tc.name, "an error leaves the zero result")
	}
	require.ErrorIs(t, c.CheckBatchInto(nil, &b, 0, asOf), hubrules.ErrInvalidInput)
}

func ExampleSyncChecker_CheckBatchInto() {
	asOf := hubrules.MustParseDate("2024-06-30")
	checker, err := hub.NewSyncChecker(hubrules.Kaixuan, asOf)
	if err != nil {
		panic(err)
	}
	register := []hub.SyncOrg{
		{ID: "kyh-001", FormalMembers: hubrules.Ptr(3), PartyForm: hubrules.OwnBranch, Events: []hub.SyncEvent{
			{Kind: hub.EventRegistered, Date: hubrules.MustParseDate("2022-03-01")},
			{Kind: hub.EventWorkPlanSubmitted, Date: hubrules.MustParseDate("2022-03-01")},
			{Kind: hub.EventAnnualReportFiled, Date: hubrules.MustParseDate("2023-05-20"), PartySection: true},
			{Kind: hub.EventAnnualReportFiled, Date: hubrules.MustParseDate("2024-05-20"), PartySection: true},
		}},
		{ID: "kyh-002", FormalMembers: hubrules.Ptr(0), PartyForm: hubrules.Liaison, Events: []hub.SyncEvent{
			{Kind: hub.EventRegistered, Date: hubrules.MustParseDate("2023-05-10")},
			{Kind: hub.EventAnnualReportFiled, Date: hubrules.MustParseDate("2024-05-10")},
		}},
	}
	// Load once: each organization is validated as it is added.
	var batch hub.SyncBatch
	for i := range register {
		if err := batch.Add(&register[i]); err != nil {
			fmt.Println(register[i].ID, err)
		}
	}
	// Check as often as needed, reusing one result.
	var res hub.SyncResult
	for i := 0; i < batch.Len(); i++ {
		if err := checker.CheckBatchInto(&res, &batch, i, asOf); err != nil {
			panic(err)
		}
		fmt.Println(res.OrgID, res.Failed().Rules())
	}
	// Output:
	// kyh-001 []
	// kyh-002 [SYNC-1 SYNC-4]
}

// A built batch serves many goroutines at once (run with -race), each with
// its own result, and adding to it does not modify the organizations.
func TestSyncBatch_ConcurrentChecksAndUnmodifiedInput(t *testing.T) {
	asOf := syncD("2024-06-30")
	c, err := hub.NewSyncChecker(hubrules.Kaixuan, asOf)
	require.NoError(t, err)
	orgs := syncMix(100)
	before := make([][]hub.SyncEvent, len(orgs))
	for i := range orgs {
		before[i] = append([]hub.SyncEvent(nil), orgs[i].Events...)
	}
	var b hub.SyncBatch
	for i := range orgs {
		require.NoError(t, b.Add(&orgs[i]))
	}
	for i := range orgs {
		require.Equal(t, before[i], orgs[i].Events, orgs[i].ID)
	}
	want := make([]hub.SyncLinks, len(orgs))
	for i := range orgs {
		r, err := c.Check(orgs[i], asOf)
		require.NoError(t, err)
		want[i] = r.Failed()
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			var r hub.SyncResult
			for k := range orgs {
				i := (k + g*13) % len(orgs)
				if !assert.NoError(t, c.CheckBatchInto(&r, &b, i, asOf)) {
					return
				}
				assert.Equal(t, want[i], r.Failed(), orgs[i].ID)
			}
		}(g)
	}
	wg.Wait()
}

// A batch larger than one chunk of events (65,536) keeps every
// organization's log whole across the chunk boundaries, including after a
// refused organization gave its room back, and checks each as CheckInto
// does.
func TestSyncBatch_AcrossChunks(t *testing.T) {
	base := syncMix(50)
	c, err := hub.NewSyncChecker(hubrules.Kaixuan, syncD("2024-06-30"))
	require.NoError(t, err)
	var b hub.SyncBatch
	var added []hub.SyncOrg
	events := 0
	bad := hub.SyncOrg{ID: "bad", FormalMembers: hubrules.Ptr(-1), PartyForm: hubrules.Liaison,
		Events: make([]hub.SyncEvent, 900)}
	for i := 0; events < 3*65536; i++ {
		o := base[i%len(base)]
		o.ID = fmt.Sprint("org-", i)
		if i%97 == 0 {
			require.Error(t, b.Add(&bad))
		}
		require.NoError(t, b.Add(&o))
		added = append(added, o)
		events += len(o.Events)
	}
	require.Equal(t, len(added), b.Len())
	var want, got hub.SyncResult
	for i := range added {
		wantErr := c.CheckInto(&want, &added[i], syncD("2024-06-30"))
		require.Equal(t, wantErr, c.CheckBatchInto(&got, &b, i, syncD("2024-06-30")), added[i].ID)
		require.Equal(t, want, got, added[i].ID)
		require.Equal(t, added[i].ID, b.ID(i))
	}
}
