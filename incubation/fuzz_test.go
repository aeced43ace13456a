package incubation_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/incubation"
)

func FuzzDecode(f *testing.F) {
	// small seeds: minimizing an interesting input of many kilobytes is slow
	r := recordIn(f, machine(f), incubation.Incubating)
	data, _ := json.Marshal(r)
	f.Add(data)
	h, _ := json.Marshal(r.History)
	f.Add(h)
	f.Add([]byte(`{"subject":"x","state":"applied","history":[]}`))
	f.Add([]byte(`{"subject":"x","state":"growing","history":[{"date":"2024-01-01"}]}`))
	f.Add([]byte(`{"formal_members":-1,"assessment_score":1e400}`))
	f.Add([]byte(`{"assessment_score":59.95,"satisfaction_percent":"85.5"}`))
	f.Add([]byte(`{"assessment_score":"-0.5","satisfaction_percent":100.0}`))
	f.Add([]byte(`{"record":{"subject":"x","state":"applied","history":[]},"trigger":"admit","facts":{},"date":"2024-05-01"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if rec, err := incubation.DecodeRecord(data); err == nil {
			rep, err := incubation.Replay(rec.History)
			if len(rec.History) > 0 && (err != nil || rep.State != rec.State) {
				t.Fatalf("decoded record does not replay: %v", err)
			}
		} else if !errors.Is(err, hubrules.ErrInvalidInput) {
			t.Fatalf("not an InputError: %v", err)
		}
		if _, _, err := incubation.DecodeHistory(data); err != nil && !errors.Is(err, hubrules.ErrInvalidInput) {
			t.Fatalf("not an InputError: %v", err)
		}
		if _, err := incubation.DecodeRequest(data); err != nil && !errors.Is(err, hubrules.ErrInvalidInput) {
			t.Fatalf("not an InputError: %v", err)
		}
		if _, err := incubation.DecodeFacts(data); err != nil && !errors.Is(err, hubrules.ErrInvalidInput) {
			t.Fatalf("not an InputError: %v", err)
		}
	})
}

func FuzzFire(f *testing.F) {
	m := machine(f)
	f.Add("growing", "graduate", []byte(`{"registration":"filed","own_board":true,"own_accounts":true,"own_premises":true,"formal_members":3,"party_form":"own_branch","projects_delivered":1,"assessment_score":60,"satisfaction_percent":80}`), 400)
	f.Add("applied", "admit", []byte(`{"serves_community":true,"leader":"a","census_done":true,"entry_mode":"project","base":"practice_park"}`), 0)
	f.Add("limbo", "hatch", []byte(`{}`), -5)
	f.Add("graduated", "engage", []byte(`{"governance_project":"claimed_project"}`), 1000)
	f.Fuzz(func(t *testing.T, state, trigger string, facts []byte, days int) {
		var fx incubation.Facts
		_ = json.Unmarshal(facts, &fx) // unchecked facts on purpose: Fire must check them
		rec := incubation.NewRecord("fuzz")
		if s := incubation.State(state); s.Valid() && s != incubation.Applied {
			rec = recordIn(t, m, s)
		} else {
			rec.State = incubation.State(state)
		}
		in := append([]incubation.Entry(nil), rec.History...)
		next, dec, err := m.Fire(rec, incubation.Trigger(trigger), fx, day0.AddDays(days%100000))
		if err != nil {
			if !errors.Is(err, hubrules.ErrInvalidInput) && !errors.Is(err, incubation.ErrTransitionNotAllowed) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		if !next.State.Valid() || len(next.History) != len(in)+1 {
			t.Fatalf("bad result: %+v", next)
		}
		if dec.Fired() != (len(dec.Unmet()) == 0) {
			t.Fatalf("outcome and criteria disagree")
		}
		if len(rec.History) != len(in) {
			t.Fatalf("input modified")
		}
		if _, err := incubation.Replay(next.History); err != nil {
			t.Fatalf("replay: %v", err)
		}
	})
}
