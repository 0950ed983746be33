// Package spotcheck draws a reproducible random sample of an audit's
// findings or of a canonical table's rows, and writes it as an Excel
// checklist for the data protection officer's (FG's) spot check: the
// sampled records with what the systems say, and empty columns for what
// the FG finds on paper.
//
// A sample is fixed by its seed: the population is put in a fixed order
// (source file, row, record key) and a PCG generator seeded with the seed
// picks the records. The same seed on the same inputs with the same
// options gives the same records in the same order, now and in a later
// version of avgaudit (the drawing does not depend on math/rand's helper
// functions, only on the PCG algorithm).
package spotcheck

import (
	"crypto/rand"
	"fmt"
	"math/big"
	"math/bits"
	mrand "math/rand/v2"
)

// pcgStream is the second PCG seed word; with the user's seed as the first
// it fixes the generator.
const pcgStream = 0x6176676175646974 // "avgaudit"

// maxRandomSeed bounds the seeds RandomSeed makes: nine digits are easy to
// read out and type, and plenty for a spot check.
const maxRandomSeed = 1_000_000_000

// RandomSeed returns a seed from the operating system's random source,
// between 1 and 999999999.
func RandomSeed() (uint64, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(maxRandomSeed-1))
	if err != nil {
		return 0, fmt.Errorf("draw a random seed: %w", err)
	}
	return n.Uint64() + 1, nil
}

// Draw picks size of the indices 0 … n-1 without replacement, seeded with
// seed, and returns them in the order drawn; all n (in a random order)
// when size ≥ n. It is a Fisher–Yates shuffle that stops after size
// steps and keeps only the swapped places, so it needs memory for size
// indices, not n. A larger size with the same seed extends the smaller
// sample: its first picks are the same.
func Draw(n, size int, seed uint64) []int {
	size = max(0, min(size, n))
	src := mrand.NewPCG(seed, pcgStream)
	swapped := make(map[int]int, size)
	at := func(i int) int {
		if v, ok := swapped[i]; ok {
			return v
		}
		return i
	}
	out := make([]int, size)
	for i := range size {
		j := i + int(below(src, uint64(n-i)))
		out[i] = at(j)
		swapped[j] = at(i)
	}
	return out
}

// below returns a uniform number in [0, n) from src (n > 0): Lemire's
// multiply-and-shift with rejection of the biased low products.
func below(src mrand.Source, n uint64) uint64 {
	hi, lo := bits.Mul64(src.Uint64(), n)
	if lo < n {
		threshold := -n % n
		for lo < threshold {
			hi, lo = bits.Mul64(src.Uint64(), n)
		}
	}
	return hi
}
