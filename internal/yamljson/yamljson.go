// Package yamljson writes a YAML node as JSON text, keeping scalars as
// written: dates stay "2026-03-01", amounts keep their digits, integers are
// JSON numbers. The scenario runner (policytest) reads its YAML inputs
// through it, and the parameter files (hubrules.ParamSet) give each value's
// typed JSON (hubrules.ParamRef.JSON) with it, so that both read YAML the
// same way.
package yamljson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// ErrTooLarge is returned when the JSON text grows past the limit.
var ErrTooLarge = errors.New("yamljson: the JSON text exceeds the limit")

// NodeError is a YAML node that cannot be written as JSON, with a
// message in Chinese and in English (Error returns the English).
type NodeError struct {
	Line   int
	ZH, EN string
}

func (e *NodeError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.EN) }

// Write appends n as JSON to b. Aliases are expanded, and an alias inside
// the node its anchor names is refused; the text written is bounded by max
// bytes (0: no bound), so that nested aliases cannot expand without end.
// A number JSON cannot carry (.inf, a hexadecimal integer beyond int64) is
// an error.
func Write(b *bytes.Buffer, n *yaml.Node, max int) error {
	return write(b, n, max, map[*yaml.Node]bool{})
}

func write(b *bytes.Buffer, n *yaml.Node, max int, open map[*yaml.Node]bool) error {
	if max > 0 && b.Len() > max {
		return ErrTooLarge
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			b.WriteString("null")
			return nil
		}
		return write(b, n.Content[0], max, open)
	case yaml.AliasNode:
		if open[n] {
			return &NodeError{Line: n.Line, ZH: "别名 *" + n.Value + " 位于其锚点所标的节点之内（循环引用）",
				EN: "the alias *" + n.Value + " lies inside the node its anchor names"}
		}
		open[n] = true
		defer delete(open, n)
		return write(b, n.Alias, max, open)
	case yaml.MappingNode:
		b.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				b.WriteByte(',')
			}
			writeString(b, n.Content[i].Value)
			b.WriteByte(':')
			if err := write(b, n.Content[i+1], max, open); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	case yaml.SequenceNode:
		b.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := write(b, c, max, open); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case yaml.ScalarNode:
		return scalar(b, n)
	default:
		return &NodeError{Line: n.Line, ZH: "不支持的 YAML 节点", EN: "unsupported YAML node"}
	}
	return nil
}

func scalar(b *bytes.Buffer, n *yaml.Node) error {
	switch n.Tag {
	case "!!int", "!!float":
		// YAML numbers such as 0x10, 1_000 or .inf are not JSON
		// numbers: write them in decimal, or refuse them.
		if json.Valid([]byte(n.Value)) {
			b.WriteString(n.Value)
			return nil
		}
		var i int64
		if n.Tag == "!!int" && n.Decode(&i) == nil {
			b.WriteString(strconv.FormatInt(i, 10))
			return nil
		}
		return &NodeError{Line: n.Line, ZH: n.Value + " 不是 JSON 能表示的数：请写成十进制或加引号",
			EN: n.Value + " is not a number JSON can carry; write it in decimal or quote it"}
	case "!!bool":
		var v bool
		_ = n.Decode(&v)
		b.WriteString(strconv.FormatBool(v))
	case "!!null":
		b.WriteString("null")
	default:
		writeString(b, n.Value)
	}
	return nil
}

// writeString writes s as a JSON string, without escaping HTML.
func writeString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	b.Truncate(b.Len() - 1) // the encoder's newline
}
