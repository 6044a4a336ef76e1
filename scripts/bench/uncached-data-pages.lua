-- wrk script for scripts/bench.sh: explorer pages at random page numbers and sort directions, so that nearly every
-- request misses both caches and renders.
math.randomseed(os.time())
request = function()
  local dir = math.random(2) == 1 and "asc" or "desc"
  return wrk.format("GET", "/data?page=" .. math.random(1, 100000) .. "&dir=" .. dir)
end
