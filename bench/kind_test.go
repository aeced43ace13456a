package bench_test

import (
	"testing"
	"unsafe"

	"github.com/hubrules/hubrules/hub"
)

// kindSwitch is hub's SyncEventKind.index as of 36811cb: a string switch.
func kindSwitch(k hub.SyncEventKind) int {
	switch k {
	case hub.EventRegistered:
		return 0
	case hub.EventFiled:
		return 1
	case hub.EventMovedIn:
		return 2
	case hub.EventWorkPlanSubmitted:
		return 3
	case hub.EventLegalRepInterviewed:
		return 4
	case hub.EventPartyOrgApproved:
		return 5
	case hub.EventCensusRecorded:
		return 6
	case hub.EventJointActivity:
		return 7
	case hub.EventAnnualReportFiled:
		return 8
	case hub.EventBoardReelected:
		return 9
	case hub.EventCandidatesReviewed:
		return 10
	case hub.EventEvaluated:
		return 11
	}
	return -1
}

// kindLen is the proposed replacement (BENCHMARKS.md, recommendation 1):
// switch on the length and one byte, then confirm with one equality.
func kindLen(k hub.SyncEventKind) int {
	var i int
	var want hub.SyncEventKind
	switch len(k) {
	case 5:
		i, want = 1, hub.EventFiled
	case 8:
		i, want = 2, hub.EventMovedIn
	case 9:
		i, want = 11, hub.EventEvaluated
	case 10:
		i, want = 0, hub.EventRegistered
	case 14:
		i, want = 7, hub.EventJointActivity
	case 15:
		if k[0] == 'b' {
			i, want = 9, hub.EventBoardReelected
		} else {
			i, want = 6, hub.EventCensusRecorded
		}
	case 18:
		i, want = 5, hub.EventPartyOrgApproved
	case 19:
		switch k[0] {
		case 'a':
			i, want = 8, hub.EventAnnualReportFiled
		case 'c':
			i, want = 10, hub.EventCandidatesReviewed
		default:
			i, want = 3, hub.EventWorkPlanSubmitted
		}
	case 21:
		i, want = 4, hub.EventLegalRepInterviewed
	default:
		return -1
	}
	if unsafe.StringData(string(k)) == unsafe.StringData(string(want)) {
		return i // the constant itself: no byte comparison
	}
	if k != want {
		return -1
	}
	return i
}

// kindTable is a second proposal: a 128-slot table keyed by the length and
// the first byte (unique for the 12 kinds), confirmed by the data pointer
// (the exported constants) or one comparison — one well-predicted branch
// instead of a search.
var kindTable = func() (t [128]int8) {
	for i := range t {
		t[i] = -1
	}
	for i, k := range hub.SyncEventKinds() {
		h := (len(k)*31 + int(k[0])) & 127
		if t[h] >= 0 {
			panic("kind hash collision")
		}
		t[h] = int8(i)
	}
	return t
}()

var kindByIndex = hub.SyncEventKinds()

func kindHash(k hub.SyncEventKind) int {
	if len(k) == 0 {
		return -1
	}
	i := kindTable[(len(k)*31+int(k[0]))&127]
	if i < 0 {
		return -1
	}
	c := kindByIndex[i]
	if len(c) == len(k) && unsafe.StringData(string(c)) == unsafe.StringData(string(k)) || c == k {
		return int(i)
	}
	return -1
}

func TestKindLenMatchesSwitch(t *testing.T) {
	for _, k := range append(hub.SyncEventKinds(), "", "x", "filex", "board_reelectex", "census_recordes", "a_________________", "zzzzzzzzzzzzzzzzzzz") {
		if kindHash(k) != kindSwitch(k) {
			t.Errorf("%q: hash %d, switch %d", k, kindHash(k), kindSwitch(k))
		}
		if kindLen(k) != kindSwitch(k) {
			t.Errorf("%q: len-byte %d, switch %d", k, kindLen(k), kindSwitch(k))
		}
	}
	// Kinds decoded from JSON do not share the constants' bytes.
	for _, k := range hub.SyncEventKinds() {
		c := hub.SyncEventKind([]byte(k))
		if kindLen(c) != kindSwitch(k) || kindHash(c) != kindSwitch(k) {
			t.Errorf("copy of %q", k)
		}
	}
}

// BenchmarkKindIndex times the two lookups over every event of the 1,000
// organizations; one op is the whole log (27,000 events), ns/event reported.
func BenchmarkKindIndex(b *testing.B) {
	f := load(b)
	var kinds []hub.SyncEventKind
	for i := range f.orgs {
		for _, e := range f.orgs[i].Events {
			kinds = append(kinds, e.Kind)
		}
	}
	b.Run("string-switch", func(b *testing.B) {
		b.ReportAllocs()
		s := 0
		for b.Loop() {
			for _, k := range kinds {
				s += kindSwitch(k)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(kinds)), "ns/event")
		_ = s
	})
	b.Run("table", func(b *testing.B) {
		b.ReportAllocs()
		s := 0
		for b.Loop() {
			for _, k := range kinds {
				s += kindHash(k)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(kinds)), "ns/event")
		_ = s
	})
	b.Run("len-byte", func(b *testing.B) {
		b.ReportAllocs()
		s := 0
		for b.Loop() {
			for _, k := range kinds {
				s += kindLen(k)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(kinds)), "ns/event")
		_ = s
	})
}

// kindConst is the table with the confirmation as a comparison against the
// constant of the slot's kind: the compiler compares constant strings inline
// (wide loads) instead of calling runtime.memequal.
func kindConst(k hub.SyncEventKind) int {
	if len(k) == 0 {
		return -1
	}
	i := kindTable[(len(k)*31+int(k[0]))&127]
	var ok bool
	switch i {
	case 0:
		ok = k == hub.EventRegistered
	case 1:
		ok = k == hub.EventFiled
	case 2:
		ok = k == hub.EventMovedIn
	case 3:
		ok = k == hub.EventWorkPlanSubmitted
	case 4:
		ok = k == hub.EventLegalRepInterviewed
	case 5:
		ok = k == hub.EventPartyOrgApproved
	case 6:
		ok = k == hub.EventCensusRecorded
	case 7:
		ok = k == hub.EventJointActivity
	case 8:
		ok = k == hub.EventAnnualReportFiled
	case 9:
		ok = k == hub.EventBoardReelected
	case 10:
		ok = k == hub.EventCandidatesReviewed
	case 11:
		ok = k == hub.EventEvaluated
	}
	if !ok {
		return -1
	}
	return int(i)
}

// kindPlain is hub's lookup since 87dd8dc: the table, confirmed by one
// string comparison with the slot's kind (no unsafe).
func kindPlain(k hub.SyncEventKind) int {
	if len(k) == 0 {
		return -1
	}
	i := kindTable[(len(k)*31+int(k[0]))&127]
	if i < 0 || kindByIndex[i] != k {
		return -1
	}
	return int(i)
}

func TestKindConstMatchesSwitch(t *testing.T) {
	for _, k := range append(hub.SyncEventKinds(), "", "x", "filex", "board_reelectex", "census_recordes", "a_________________", "zzzzzzzzzzzzzzzzzzz") {
		if kindConst(k) != kindSwitch(k) || kindPlain(k) != kindSwitch(k) {
			t.Errorf("%q: const %d, plain %d, switch %d", k, kindConst(k), kindPlain(k), kindSwitch(k))
		}
	}
}

func BenchmarkKindIndexConfirm(b *testing.B) {
	f := load(b)
	var kinds []hub.SyncEventKind
	for i := range f.orgs {
		for _, e := range f.orgs[i].Events {
			kinds = append(kinds, e.Kind)
		}
	}
	for _, v := range []struct {
		name string
		fn   func(hub.SyncEventKind) int
	}{{"table-plain", kindPlain}, {"table-const", kindConst}, {"table-unsafe", kindHash}} {
		b.Run(v.name, func(b *testing.B) {
			s := 0
			for b.Loop() {
				for _, k := range kinds {
					s += v.fn(k)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(kinds)), "ns/event")
			_ = s
		})
	}
}
