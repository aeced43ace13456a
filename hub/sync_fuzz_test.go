package hub_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

func FuzzSyncDecodeOrg(f *testing.F) {
	f.Add([]byte(`{"id":"a","formal_members":3,"party_form":"own_branch","events":[{"kind":"registered","date":"2022-03-01"},{"kind":"work_plan_submitted","date":"2022-03-01"}]}`))
	f.Add([]byte(`{"id":"b","formal_members":-1,"party_form":"none","events":[{"kind":"evaluated","date":"2021-01-01","party_assessed":true},{"kind":"registered","date":"2022-03-01"}]}`))
	f.Add([]byte(`{"id":"c","formal_members":0,"party_form":"liaison","events":[{"kind":"moved_in","date":"2020-01-01"},{"kind":"moved_in","date":"2020-01-01"}]}`))
	f.Add([]byte(`{"id":"d","events":[{"kind":"x","date":"2022-13-01"}]}`))
	f.Add([]byte(`[]`))
	checkers := make([]*hub.SyncChecker, 0, 3)
	for _, p := range []hubrules.Programme{hubrules.Kaixuan, hubrules.Jingan, hubrules.Wuliqiao} {
		c, err := hub.NewSyncChecker(p, syncD("2024-06-30"))
		if err != nil {
			f.Fatal(err)
		}
		checkers = append(checkers, c)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var org hub.SyncOrg
		if err := hubrules.DecodeJSON(data, &org); err != nil {
			if !errors.Is(err, hubrules.ErrInvalidInput) {
				t.Fatalf("decode error is not an InputError: %v", err)
			}
			return
		}
		for _, c := range checkers {
			syncCheckInvariants(t, c, org, syncD("2024-06-30"))
		}
	})
}

func FuzzSyncCheck(f *testing.F) {
	f.Add(uint64(0x0102030405060708), uint64(0x1112131415161718), int16(3), uint8(0), uint16(0), int16(30))
	f.Add(uint64(0xffffffffffffffff), uint64(0), int16(-1), uint8(4), uint16(900), int16(-400))
	f.Add(uint64(0x0b0b0b0b09090909), uint64(0x0a0a0a0a07070707), int16(0), uint8(3), uint16(12), int16(91))
	c, err := hub.NewSyncChecker(hubrules.Kaixuan, syncD("2024-06-30"))
	if err != nil {
		f.Fatal(err)
	}
	forms := []hubrules.PartyForm{hubrules.OwnBranch, hubrules.JointBranch, hubrules.ActivityBranch, hubrules.Liaison, hubrules.NoPartyForm, "bad"}
	kinds := append(hub.SyncEventKinds(), "bogus")
	f.Fuzz(func(t *testing.T, a, b uint64, members int16, form uint8, start uint16, step int16) {
		org := hub.SyncOrg{ID: "fuzz", FormalMembers: hubrules.Ptr(int(members)), PartyForm: forms[int(form)%len(forms)]}
		base := syncD("2018-01-01").AddDays(int(start) % 3000)
		for i := 0; i < 16; i++ {
			src := a
			if i >= 8 {
				src = b
			}
			byt := byte(src >> (8 * (i % 8)))
			ev := hub.SyncEvent{Kind: kinds[int(byt)%len(kinds)], Date: base.AddDays(i * int(step) / 4)}
			ev.PartySection = byt&0x40 != 0 && ev.Kind == hub.EventAnnualReportFiled
			ev.PartyAssessed = byt&0x80 != 0
			org.Events = append(org.Events, ev)
		}
		syncCheckInvariants(t, c, org, syncD("2024-06-30"))
	})
}

// syncCheckInvariants checks org and asserts what must hold for any input:
// errors are InputErrors naming fields, checked links have an outcome, a
// failed link lists its unmet reasons, and the verdict path agrees.
func syncCheckInvariants(t *testing.T, c *hub.SyncChecker, org hub.SyncOrg, asOf hubrules.Date) {
	t.Helper()
	r, err := c.Check(org, asOf)
	failed, verr := c.FailedLinks(org, asOf)
	// The batch path: the organization loaded into a SyncBatch and
	// checked there gives the same result or the same error.
	var batch hub.SyncBatch
	var br hub.SyncResult
	berr := batch.Add(&org)
	if berr == nil {
		berr = c.CheckBatchInto(&br, &batch, 0, asOf)
		if !reflect.DeepEqual(err, berr) {
			t.Fatalf("batch error %v, check error %v", berr, err)
		}
		if br != r {
			t.Fatal("batch result differs from Check's")
		}
	} else if err == nil {
		t.Fatalf("batch refused what Check accepted: %v", berr)
	}
	if err != nil {
		var ie *hubrules.InputError
		if !errors.As(err, &ie) || len(ie.Fields) == 0 {
			t.Fatalf("check error is not an InputError with fields: %v", err)
		}
		if verr == nil {
			t.Fatal("verdict path accepted what Check refused")
		}
		return
	}
	if verr != nil {
		t.Fatalf("verdict path refused what Check accepted: %v", verr)
	}
	if failed != r.Failed() {
		t.Fatalf("verdict %v != result %v", failed, r.Failed())
	}
	for _, l := range r.Links {
		if !r.Checked.Has(l.Link) {
			continue
		}
		switch l.Outcome {
		case hubrules.Pass, hubrules.NotApplicable:
			if l.Unmet != 0 {
				t.Fatalf("%s %s with unmet reasons", l.Rule(), l.Outcome)
			}
		case hubrules.Fail:
			if l.Unmet == 0 {
				t.Fatalf("%s failed without a reason", l.Rule())
			}
		default:
			t.Fatalf("%s has no outcome", l.Rule())
		}
	}
	rep := r.Report()
	if len(rep.Checks) != r.Checked.Len() {
		t.Fatalf("report has %d checks for %d links", len(rep.Checks), r.Checked.Len())
	}
	if _, err := r.MarshalJSON(); err != nil {
		t.Fatal(err)
	}
}

// FuzzSyncBatch loads logs of any length (around the 64-event switch from
// stack to pooled scratch, and past MaxSyncEvents) with dates on both sides of the
// zero Date into a batch next to a fixed organization, and checks that the
// batch answers as Check does for both, as of a fuzzed date.
func FuzzSyncBatch(f *testing.F) {
	f.Add(uint16(3), uint64(1), int32(0), int32(0))
	f.Add(uint16(64), uint64(0x9e3779b97f4a7c15), int32(700000), int32(2000))
	f.Add(uint16(65), uint64(42), int32(-800), int32(-700))
	f.Add(uint16(1001), uint64(7), int32(738000), int32(738500))
	c, err := hub.NewSyncChecker(hubrules.Kaixuan, syncD("2024-06-30"))
	if err != nil {
		f.Fatal(err)
	}
	kinds := append(hub.SyncEventKinds(), "bogus")
	fixed := syncMix(1)[0]
	f.Fuzz(func(t *testing.T, n uint16, seed uint64, start, asOfDay int32) {
		org := hub.SyncOrg{ID: "fuzz", FormalMembers: hubrules.Ptr(int(seed % 7)), PartyForm: hubrules.PartyForms()[int(seed>>8)%len(hubrules.PartyForms())]}
		base := hubrules.Date{}.AddDays(int(start))
		x := seed
		for i := 0; i < int(n%1100); i++ {
			x = x*6364136223846793005 + 1442695040888963407
			ev := hub.SyncEvent{Kind: kinds[int(x>>33)%len(kinds)], Date: base.AddDays(int(x>>40) % 4000)}
			ev.PartySection = x&1 != 0 && ev.Kind == hub.EventAnnualReportFiled
			ev.PartyAssessed = x&2 != 0 && ev.Kind == hub.EventEvaluated
			org.Events = append(org.Events, ev)
		}
		asOf := hubrules.Date{}.AddDays(int(asOfDay))
		var b hub.SyncBatch
		if err := b.Add(&fixed); err != nil {
			t.Fatal(err)
		}
		addErr := b.Add(&org)
		for i, o := range []*hub.SyncOrg{&fixed, &org} {
			want, wantErr := c.Check(*o, asOf)
			if i == 1 && addErr != nil {
				if wantErr == nil {
					t.Fatalf("the batch refused what Check accepts: %v", addErr)
				}
				continue
			}
			var got hub.SyncResult
			err := c.CheckBatchInto(&got, &b, i, asOf)
			if !reflect.DeepEqual(wantErr, err) {
				t.Fatalf("org %d: batch error %v, check error %v", i, err, wantErr)
			}
			if got != want {
				t.Fatalf("org %d: the batch result differs from Check's", i)
			}
		}
	})
}
