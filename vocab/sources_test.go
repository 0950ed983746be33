package vocab

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// bilingualCalls are the functions that take a Dutch and an English
// format, and which argument is which.
var bilingualCalls = map[string][2]int{ // name -> index of the Dutch, of the English
	"vocab.Textf": {0, 1}, "vocab.Errorf": {0, 1}, "vocab.Wrapf": {1, 2},
	"Textf": {0, 1}, "Errorf": {0, 1}, "Wrapf": {1, 2}, // inside package vocab
	"app.Usage2f": {1, 0}, "Usage2f": {1, 0}, // English first
	"p.addf": {1, 2}, "addf": {1, 2}, // package acceptance: a line, then the texts
	"headerErr": {2, 3}, "bad": {0, 1}, // package queries
}

// bilingualTypes are the struct types {NL, EN string} messages are written in.
var bilingualTypes = []string{"vocab.Text", "Text", "results.Text", "text"}

var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z]`)

// TestBilingualSources reads every message the program writes in two
// languages, at its source: each has both, and the Dutch and English
// formats take the same arguments in the same order (a verb missing in
// one language would print %!s(MISSING) or drop a file name).
func TestBilingualSources(t *testing.T) {
	root := ".."
	n := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		check := func(pos token.Pos, nl, en ast.Expr) {
			nlS, ok1 := literal(nl)
			enS, ok2 := literal(en)
			if !ok1 || !ok2 {
				return // a variable or an expression: checked where it is written
			}
			n++
			where := fset.Position(pos)
			if strings.TrimSpace(nlS) == "" || strings.TrimSpace(enS) == "" {
				t.Errorf("%s: a message lacks a language: nl %q, en %q", where, nlS, enS)
				return
			}
			if a, b := verbs(nlS), verbs(enS); !slices.Equal(a, b) {
				t.Errorf("%s: the Dutch takes %v, the English %v:\n  nl %q\n  en %q", where, a, b, nlS, enS)
			}
		}
		ast.Inspect(f, func(node ast.Node) bool {
			switch x := node.(type) {
			case *ast.CallExpr:
				if idx, ok := bilingualCalls[name(x.Fun)]; ok && len(x.Args) > max(idx[0], idx[1]) {
					check(x.Pos(), x.Args[idx[0]], x.Args[idx[1]])
				}
			case *ast.CompositeLit:
				if slices.Contains(bilingualTypes, name(x.Type)) {
					checkText(x, check)
				}
				// A map or slice of texts: its elements are written without the type.
				var elem ast.Expr
				switch tt := x.Type.(type) {
				case *ast.MapType:
					elem = tt.Value
				case *ast.ArrayType:
					elem = tt.Elt
				}
				if elem != nil && slices.Contains(bilingualTypes, name(elem)) {
					for _, e := range x.Elts {
						if kv, ok := e.(*ast.KeyValueExpr); ok {
							e = kv.Value
						}
						if cl, ok := e.(*ast.CompositeLit); ok && cl.Type == nil {
							checkText(cl, check)
						}
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d bilingual messages read", n)
	if n < 200 {
		t.Errorf("read only %d bilingual messages: is the walk still finding the sources?", n)
	}
}

// checkText checks a {NL, EN} literal, keyed or not.
func checkText(x *ast.CompositeLit, check func(token.Pos, ast.Expr, ast.Expr)) {
	var nl, en ast.Expr
	for i, e := range x.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			switch name(kv.Key) {
			case "NL":
				nl = kv.Value
			case "EN":
				en = kv.Value
			}
			continue
		}
		if i == 0 {
			nl = e
		} else if i == 1 {
			en = e
		}
	}
	if nl == nil || en == nil {
		if len(x.Elts) > 0 { // Text{} is the empty text on purpose
			missing := &ast.BasicLit{Kind: token.STRING, Value: `""`}
			if nl == nil {
				nl = missing
			} else {
				en = missing
			}
			check(x.Pos(), nl, en)
		}
		return
	}
	check(x.Pos(), nl, en)
}

// name is a function's or type's name as written: "vocab.Textf", "text".
func name(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		if id, ok := x.X.(*ast.Ident); ok {
			return id.Name + "." + x.Sel.Name
		}
	}
	return ""
}

// literal is the value of a string literal, or of literals joined by +.
func literal(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(x.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		a, ok1 := literal(x.X)
		b, ok2 := literal(x.Y)
		return a + b, ok1 && ok2 && x.Op == token.ADD
	}
	return "", false
}

// verbs are the formatting verbs of a format, in order.
func verbs(format string) []string {
	format = strings.ReplaceAll(format, "%%", "")
	out := verb.FindAllString(format, -1)
	for i, v := range out {
		if strings.HasSuffix(v, "w") { // %w and %v both print the error
			out[i] = strings.TrimSuffix(v, "w") + "v"
		}
	}
	return out
}
