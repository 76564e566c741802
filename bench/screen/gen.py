#!/usr/bin/env python3
"""Generates the screening benchmark data (deterministic, seed 7):

  list.csv     N list entries (default 1,000,000): name,aliases,country,identifiers,list,source
  parties.csv  M parties (default 100,000): id,name,country
  truth.tsv    party_id <TAB> list line of the planted true match (10% of parties)
  sample.txt   the ids of a fixed 1,000-party sample (for rapidfuzz), planted share kept

Names look like company names: a place or a coined brand (syllables), an industry word or two,
and a legal form in one of many languages; 5% of entries carry an alias. Planted parties are
variants of an entry: legal form changed or dropped, one-letter typo, tokens reordered,
abbreviations (International→Intl), punctuation and case, or the brand in Cyrillic.
"""
import csv
import random
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
M = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
OUT = sys.argv[3] if len(sys.argv) > 3 else "."
rng = random.Random(7)

SYL = ["ka", "lo", "mex", "tra", "vin", "sol", "dor", "ben", "zar", "qui", "ron", "tek", "sha", "mar",
       "pol", "ver", "nis", "gal", "hen", "jup", "lux", "mor", "nov", "ost", "pra", "rix", "sen", "tal",
       "ul", "vor", "wen", "yal", "zen", "bra", "cor", "del", "fin", "gor", "hal", "ist", "jan", "kel"]
PLACES = ["Shenzhen", "Dongguan", "Ningbo", "Zhejiang", "Jiangsu", "Dhaka", "Chittagong", "Karachi",
          "Lahore", "Tiruppur", "Mumbai", "Chennai", "Hanoi", "Saigon", "Bangkok", "Jakarta", "Manila",
          "Istanbul", "Izmir", "Bursa", "Moscow", "Kazan", "Tashkent", "Almaty", "Dubai", "Sharjah",
          "Lagos", "Accra", "Abidjan", "Nairobi", "Lima", "Bogota", "Sao Paulo", "Monterrey", "Hamburg",
          "Rotterdam", "Milano", "Lyon", "Gdansk", "Riga", "Tbilisi", "Baku", "Yangon", "Phnom Penh"]
WORDS = ["Trading", "Textile", "Garment", "Apparel", "Knitwear", "Denim", "Cotton", "Spinning",
         "Electronics", "Components", "Metal", "Steel", "Mining", "Minerals", "Logistics", "Shipping",
         "Marine", "Seafood", "Fisheries", "Foods", "Agro", "Plantations", "Rubber", "Plastics",
         "Chemicals", "Pharmaceuticals", "Machinery", "Engineering", "Construction", "Energy",
         "Solar", "Packaging", "Paper", "Furniture", "Footwear", "Leather", "Toys", "Industries",
         "International", "Group", "Holdings", "Enterprises", "Services", "Manufacturing", "Export",
         "Import", "Technology", "Resources", "Global", "General"]
FORMS = ["Co., Ltd.", "Ltd", "Limited", "LLC", "GmbH", "S.A.", "SARL", "S.p.A.", "B.V.", "AG", "PLC",
         "Inc.", "Corp.", "A.S.", "OOO", "JSC", "Sdn Bhd", "Pvt Ltd", "KK", "Ltda", "SRL", ""]
COUNTRIES = ["CN", "BD", "PK", "IN", "VN", "TH", "ID", "PH", "TR", "RU", "UZ", "KZ", "AE", "NG", "GH",
             "CI", "KE", "PE", "CO", "BR", "MX", "DE", "NL", "IT", "FR", "PL", "LV", "GE", "AZ", "MM", "KH"]
ABBR = {"International": "Intl", "Manufacturing": "Mfg", "Holdings": "Hldgs", "Industries": "Inds",
        "Services": "Svcs", "Technology": "Tech", "Group": "Grp", "Engineering": "Engg"}
CYR = {"a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "e": "е", "z": "з", "i": "и", "k": "к",
       "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у",
       "f": "ф", "h": "х", "c": "ц", "y": "ы", "j": "й", "q": "к", "w": "в", "x": "кс"}


def brand():
    return "".join(rng.choice(SYL) for _ in range(rng.choice((2, 3, 3, 4, 4, 4)))).capitalize()


def make_name():
    parts = []
    r = rng.random()
    if r < 0.35:
        parts.append(rng.choice(PLACES))
        parts.append(brand())
    elif r < 0.85:
        parts.append(brand())
    else:
        parts.append(brand())
        parts.append(brand())
    parts.extend(rng.sample(WORDS, rng.choice((1, 1, 2, 2, 3))))
    form = rng.choice(FORMS)
    if form:
        parts.append(form)
    return " ".join(parts)


def typo(tok):
    if len(tok) < 6:
        return tok
    i = rng.randrange(1, len(tok) - 1)
    op = rng.choice(("sub", "del", "ins", "swap"))
    c = rng.choice("aeiounrst")
    if op == "sub":
        return tok[:i] + c + tok[i + 1:]
    if op == "del":
        return tok[:i] + tok[i + 1:]
    if op == "ins":
        return tok[:i] + c + tok[i:]
    return tok[:i] + tok[i + 1] + tok[i] + tok[i + 2:]


def strip_form(name):
    for f in sorted(FORMS, key=len, reverse=True):
        if f and name.endswith(" " + f):
            return name[: -len(f) - 1]
    return name


def variant(name):
    kind = rng.choice(("legal", "typo", "reorder", "abbr", "punct", "cyrillic", "typo"))
    core = strip_form(name)
    toks = core.split()
    if kind == "legal":
        out = core + " " + rng.choice([f for f in FORMS if f])
    elif kind == "typo":
        idx = max(range(len(toks)), key=lambda i: len(toks[i]))
        toks[idx] = typo(toks[idx])
        out = " ".join(toks) + (" " + name[len(core) + 1:] if len(name) > len(core) else "")
    elif kind == "reorder":
        rng.shuffle(toks)
        out = " ".join(toks)
    elif kind == "abbr":
        out = " ".join(ABBR.get(t, t) for t in toks) + " Ltd"
    elif kind == "punct":
        out = name.upper().replace(" ", "  ").replace(".", "")
    else:
        b = max(toks, key=len).lower()
        cyr = "".join(CYR.get(ch, ch) for ch in b)
        out = " ".join(cyr.capitalize() if t.lower() == b else t for t in toks)
    return kind, out


def main():
    entries = []
    with open(f"{OUT}/list.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["name", "aliases", "country", "identifiers", "list", "source"])
        for i in range(N):
            name = make_name()
            alias = make_name() if rng.random() < 0.05 else ""
            c = rng.choice(COUNTRIES)
            ident = f"registration:R{i:08d}" if rng.random() < 0.3 else ""
            w.writerow([name, alias, c, ident, "synthetic", "bench/screen/gen.py"])
            entries.append((name, c))
    planted = set(rng.sample(range(M), M // 10))
    with open(f"{OUT}/parties.csv", "w", newline="", encoding="utf-8") as f, \
            open(f"{OUT}/truth.tsv", "w", encoding="utf-8") as t:
        w = csv.writer(f)
        w.writerow(["id", "name", "country"])
        for p in range(M):
            pid = f"P{p:06d}"
            if p in planted:
                e = rng.randrange(N)
                name, c = entries[e]
                kind, v = variant(name)
                w.writerow([pid, v, c])
                t.write(f"{pid}\t{e + 2}\t{kind}\n")  # line 1 is the header
            else:
                w.writerow([pid, make_name(), rng.choice(COUNTRIES)])
    sample = sorted(rng.sample(range(M), 1000))
    with open(f"{OUT}/sample.txt", "w", encoding="utf-8") as f:
        for p in sample:
            f.write(f"P{p:06d}\n")


if __name__ == "__main__":
    main()
