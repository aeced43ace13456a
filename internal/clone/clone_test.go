package clone

import "testing"

type node struct {
	Name string
	Kids []*node
	Tags map[string][]int
}

// Copy shares nothing with the original and keeps a cycle's shape.
func TestCopy(t *testing.T) {
	n := &node{Name: "a", Tags: map[string][]int{"x": {1}}}
	n.Kids = []*node{n}
	c := Copy(n)
	if c == n || c.Kids[0] != c {
		t.Fatalf("the copy must be new and contain itself: %p %p %p", n, c, c.Kids[0])
	}
	c.Tags["x"][0] = 2
	c.Name = "b"
	if n.Tags["x"][0] != 1 || n.Name != "a" {
		t.Errorf("the original changed: %+v", n)
	}
}
