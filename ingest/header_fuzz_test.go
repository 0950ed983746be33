package ingest

import (
	"bytes"
	"errors"
	"io"
	"os"
	"slices"
	"testing"
)

// FuzzHeaderDetection feeds arbitrary text through the multi-line delimiter
// sniffer and the header reader: none may panic, row numbers must rise, and
// the header reader must pass on every row from the header down.
func FuzzHeaderDetection(f *testing.F) {
	for _, name := range []string{"title.csv", "metadata_and_blank_inside.csv", "second_table.csv", "repeated_header.csv", "side_by_side.csv", "no_header.csv"} {
		data, err := os.ReadFile("testdata/header/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(""))
	f.Add([]byte(";;\n\n;a;;b;\n1;;;2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		delim := sniffDelimiter(string(data))
		plain, err := newCSVReader(bytes.NewReader(data), delim)
		if err != nil {
			return
		}
		all := drain(t, plain)
		src, err := newCSVReader(bytes.NewReader(data), delim)
		if err != nil {
			t.Fatal(err)
		}
		hr, err := detectHeader(src, "f.csv")
		if err != nil {
			return
		}
		got := drain(t, hr)
		// The header reader passes on a run of the file's rows from the
		// header down (up to a second table, where it stops with an error).
		if len(got) == 0 {
			return
		}
		start := slices.Index(all, got[0])
		if start < 0 || start+len(got) > len(all) || !slices.Equal(got, all[start:start+len(got)]) {
			t.Fatalf("header reader gave rows %v, the file has %v", got, all)
		}
	})
}

// drain reads rows until the end or the first error that is not a bad row,
// returning the row numbers, which must rise.
func drain(t *testing.T, rr rowReader) []int {
	var nums []int
	for {
		n, _, err := rr.Next()
		var bad *badRowError
		if errors.Is(err, io.EOF) || (err != nil && !errors.As(err, &bad)) {
			return nums
		}
		if len(nums) > 0 && n <= nums[len(nums)-1] {
			t.Fatalf("row %d after row %d", n, nums[len(nums)-1])
		}
		nums = append(nums, n)
	}
}
