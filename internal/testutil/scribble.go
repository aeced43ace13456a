// Package testutil holds helpers for the packages' tests: Scribble, which
// overwrites everything a value reaches, and Shared, which proves that the
// results of a prepared checker share no memory with it or with each other.
package testutil

import (
	"fmt"
	"reflect"
	"sync"
	"testing"
)

// Scribble overwrites, in place, everything reachable from v through
// exported fields, pointers, slices, arrays, maps and interfaces: every
// string gets a suffix, every number grows by one, every bool flips, every
// map value is replaced by its scribbled copy. v itself is copied first (so
// pass the value as a caller received it); whatever v shares with other
// values — slice arrays, maps, pointed-to structs — is what changes. Cycles
// end: each pointer, slice and map is scribbled once.
func Scribble(v any) {
	if v == nil {
		return
	}
	c := reflect.New(reflect.TypeOf(v)).Elem()
	c.Set(reflect.ValueOf(v))
	s := scribbler{seen: map[ref]bool{}}
	s.value(c)
}

type ref struct {
	addr uintptr
	typ  reflect.Type
	n    int
}

type scribbler struct{ seen map[ref]bool }

// once reports whether v (a pointer, slice or map) is met for the first time.
func (s *scribbler) once(v reflect.Value, n int) bool {
	r := ref{v.Pointer(), v.Type(), n}
	if s.seen[r] {
		return false
	}
	s.seen[r] = true
	return true
}

func (s *scribbler) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			v.SetString(v.String() + "✗")
		}
	case reflect.Bool:
		if v.CanSet() {
			v.SetBool(!v.Bool())
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if v.CanSet() {
			v.SetInt(v.Int() + 1)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if v.CanSet() {
			v.SetUint(v.Uint() + 1)
		}
	case reflect.Float32, reflect.Float64:
		if v.CanSet() {
			v.SetFloat(v.Float() + 1)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				s.value(v.Field(i))
			}
		}
	case reflect.Pointer:
		if !v.IsNil() && s.once(v, 0) {
			s.value(v.Elem())
		}
	case reflect.Slice:
		if v.IsNil() || !s.once(v, v.Len()) {
			return
		}
		for i := 0; i < v.Len(); i++ {
			s.value(v.Index(i))
		}
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			s.value(v.Index(i))
		}
	case reflect.Map:
		if v.IsNil() || !s.once(v, 0) {
			return
		}
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			s.value(e)
			v.SetMapIndex(k, e)
		}
	case reflect.Interface:
		if v.IsNil() {
			return
		}
		e := reflect.New(v.Elem().Type()).Elem()
		e.Set(v.Elem())
		s.value(e)
		if v.CanSet() {
			v.Set(e)
		}
	}
}

// Goroutines is how many goroutines Shared runs.
const Goroutines = 16

// Shared calls results on Goroutines goroutines at once, rounds times each,
// as callers sharing one prepared checker would: the first goroutine
// scribbles over every result it gets, the others check that theirs are
// deeply equal to want (what a fresh checker gives for the same inputs).
// Run it under -race: a result that shares memory with the checker or
// with another result is a data race or a difference.
func Shared(t *testing.T, rounds int, want []any, results func() []any) {
	t.Helper()
	var wg sync.WaitGroup
	for g := 0; g < Goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				got := results()
				if g == 0 {
					for _, x := range got {
						Scribble(x)
					}
					continue
				}
				if len(got) != len(want) {
					t.Errorf("goroutine %d: %d results, want %d", g, len(got), len(want))
					return
				}
				for i := range got {
					if !reflect.DeepEqual(got[i], want[i]) {
						t.Errorf("goroutine %d round %d: result %d (%T) differs from a fresh checker's:\n got %s\nwant %s",
							g, r, i, got[i], short(got[i]), short(want[i]))
						return
					}
				}
			}
		}(g)
	}
	wg.Wait()
}

func short(v any) string {
	s := fmt.Sprintf("%+v", v)
	if len(s) > 600 {
		s = s[:600] + "…"
	}
	return s
}
