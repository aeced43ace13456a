package testutil

import (
	"testing"
)

type inner struct {
	Name string
	N    int
}

type outer struct {
	S      []inner
	M      map[string]inner
	P      *inner
	I      any
	hidden []inner
}

// Scribble changes everything the value shares and ends on cycles.
func TestScribble(t *testing.T) {
	shared := []inner{{Name: "a", N: 1}}
	m := map[string]inner{"k": {Name: "b"}}
	p := &inner{Name: "c"}
	cyc := []any{nil}
	cyc[0] = cyc
	hidden := []inner{{Name: "h"}}
	o := outer{S: shared, M: m, P: p, I: cyc, hidden: hidden}
	Scribble(o)
	if shared[0].Name != "a✗" || shared[0].N != 2 {
		t.Errorf("slice element not scribbled: %+v", shared[0])
	}
	if m["k"].Name != "b✗" {
		t.Errorf("map entry not scribbled: %+v", m["k"])
	}
	if p.Name != "c✗" {
		t.Errorf("pointee not scribbled: %+v", p)
	}
	if hidden[0].Name != "h" {
		t.Errorf("unexported field scribbled: %+v", hidden[0])
	}
	if o.P != p || o.S[0].Name != "a✗" {
		t.Errorf("the value itself must stay the caller's: %+v", o)
	}
}
