package hub

import (
	"reflect"
	"unicode/utf8"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/fastdecode"
)

// A register is read one SyncOrg at a time (the CLI's --jsonl, the
// service's x-ndjson stream, a host's own loop over hubrules.DecodeJSON),
// and the general decoder's reflection costs about a hundred times the
// check itself. decodeSyncOrg is the fast path of
// hubrules.DecodeJSONLimited for *SyncOrg: it accepts the plain form of
// the input only — every other document goes to the general decoder,
// which gives the same value or words the error — and
// TestSyncOrgFastDecode compares the two on the same bytes.
func init() {
	fastdecode.Register(reflect.TypeOf((*SyncOrg)(nil)), decodeSyncOrg)
}

// The validate tags of SyncOrg and SyncEvent, as decodeSyncOrg checks
// them (TestSyncOrgFastDecodeTags keeps the two in step).
const (
	maxSyncID      = 200     // id: required,max=200
	maxSyncMembers = 1000000 // formal_members(_at_registration): gte=0,lte=1000000
	maxSyncRef     = 200     // ref: max=200
)

func decodeSyncOrg(data []byte, v any, lim fastdecode.Limits) bool {
	dst := v.(*SyncOrg)
	if dst == nil {
		return false // the general decoder words the error
	}
	if dst.ID != "" || dst.FormalMembers != nil || dst.FormalMembersAtRegistration != nil || dst.PartyForm != "" || dst.Events != nil {
		return false // encoding/json would merge into what is there
	}
	r := fastdecode.NewReader(data, lim)
	if r == nil || !r.Open('{') {
		return false
	}
	var org SyncOrg
	var seen uint8
	for n := 0; !r.Close('}'); n++ {
		if n > 0 && !r.Comma() {
			return false
		}
		key, ok := r.Key()
		if !ok {
			return false
		}
		var bit uint8
		switch string(key) {
		case "id":
			bit = 1
			s, ok := r.String()
			if !ok || len(s) == 0 || !runesAtMost(s, maxSyncID) {
				return false
			}
			org.ID = string(s)
		case "formal_members":
			bit = 2
			if org.FormalMembers, ok = count(r); !ok {
				return false
			}
		case "formal_members_at_registration":
			bit = 4
			if org.FormalMembersAtRegistration, ok = count(r); !ok {
				return false
			}
		case "party_form":
			bit = 8
			s, ok := r.String()
			if !ok {
				return false
			}
			if org.PartyForm, ok = partyFormOf(s); !ok {
				return false
			}
		case "events":
			bit = 16
			if org.Events, ok = syncEvents(r); !ok {
				return false
			}
		default:
			return false
		}
		if seen&bit != 0 {
			return false // a key written twice
		}
		seen |= bit
	}
	// id, formal_members and party_form are required (party_form by its
	// enum: the empty code is not one); events may be left out.
	if seen&(1|2|8) != 1|2|8 || !r.End() {
		return false
	}
	*dst = org
	return true
}

// count reads a member count.
func count(r *fastdecode.Reader) (*int, bool) {
	n, ok := r.Uint(maxSyncMembers)
	if !ok {
		return nil, false
	}
	return &n, true
}

// syncEvents reads the event log.
func syncEvents(r *fastdecode.Reader) ([]SyncEvent, bool) {
	if !r.Open('[') {
		return nil, false
	}
	events := make([]SyncEvent, 0, 32)
	for n := 0; !r.Close(']'); n++ {
		if n > 0 && !r.Comma() {
			return nil, false
		}
		if n == MaxSyncEvents || !r.Count(n+1) {
			return nil, false // events: max=1000, or the array limit
		}
		e, ok := syncEvent(r)
		if !ok {
			return nil, false
		}
		events = append(events, e)
	}
	return events, true
}

// syncEvent reads one event.
func syncEvent(r *fastdecode.Reader) (SyncEvent, bool) {
	var e SyncEvent
	if !r.Open('{') {
		return e, false
	}
	var seen uint8
	for n := 0; !r.Close('}'); n++ {
		if n > 0 && !r.Comma() {
			return e, false
		}
		key, ok := r.Key()
		if !ok {
			return e, false
		}
		var bit uint8
		switch string(key) {
		case "kind":
			bit = 1
			s, ok := r.String()
			if !ok {
				return e, false
			}
			if e.Kind, ok = syncEventKindOf(s); !ok {
				return e, false
			}
		case "date":
			bit = 2
			s, ok := r.String()
			if !ok || len(s) == 0 || e.Date.UnmarshalText(s) != nil {
				return e, false
			}
		case "ref":
			bit = 4
			s, ok := r.String()
			if !ok || !runesAtMost(s, maxSyncRef) {
				return e, false
			}
			e.Ref = string(s)
		case "party_section":
			bit = 8
			if e.PartySection, ok = r.Bool(); !ok {
				return e, false
			}
		case "party_assessed":
			bit = 16
			if e.PartyAssessed, ok = r.Bool(); !ok {
				return e, false
			}
		default:
			return e, false
		}
		if seen&bit != 0 {
			return e, false
		}
		seen |= bit
	}
	// kind (by its enum) and date are required.
	return e, seen&(1|2) == 1|2
}

// runesAtMost reports whether s, valid UTF-8, has at most max runes, as
// validator's max counts a string.
func runesAtMost(s []byte, max int) bool {
	return len(s) <= max || utf8.RuneCount(s) <= max
}

// syncEventKindOf returns the event kind whose code is s.
func syncEventKindOf(s []byte) (SyncEventKind, bool) {
	if len(s) == 0 {
		return "", false
	}
	i := syncKindTable[(len(s)*31+int(s[0]))&127]
	if i < 0 || string(syncKindList[i]) != string(s) {
		return "", false
	}
	return syncKindList[i], true
}

// partyFormOf returns the party form whose code is s.
func partyFormOf(s []byte) (hubrules.PartyForm, bool) {
	for _, f := range partyFormList {
		if string(f) == string(s) {
			return f, true
		}
	}
	return "", false
}

var partyFormList = hubrules.PartyForms()
