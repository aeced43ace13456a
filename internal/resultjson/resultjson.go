// Package resultjson holds the envelope writers of rule packages' results
// (判定结果) written at volume: a result type registers a writer that
// appends its JSON without the members the decision envelope already
// holds (its basis, programme, date), and, for a JSON Lines record,
// without its rules' sources, instead of the envelope writing the whole
// result and cutting those members out of the bytes again.
//
// A writer gives exactly the bytes the general path gives (MarshalJSON,
// then cutting the members); each has a test comparing the two.
package resultjson

import (
	"reflect"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/typereg"
)

// Func appends result v's JSON without the top-level members named in
// omit and, when source is not nil, without its rules' sources, each
// passed to source with its rule ID (hubrules.SourcedResult). ok is false,
// and b unchanged, when it cannot leave out one of omit: the caller then
// takes the general path.
type Func func(b []byte, v any, omit []string, source func(rule string, s hubrules.Source)) (out []byte, ok bool, err error)

var registry = typereg.New[Func]("resultjson")

// Register makes f the writer of results of type t. It is called from
// package init functions only; a second registration of one type panics.
func Register(t reflect.Type, f Func) { registry.Register(t, f) }

// Lookup returns the writer of type t, or nil.
func Lookup(t reflect.Type) Func {
	f, _ := registry.Lookup(t)
	return f
}
