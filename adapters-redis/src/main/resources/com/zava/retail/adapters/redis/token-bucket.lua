-- One token bucket, updated atomically. The clock is Redis's own, so replicas whose clocks differ
-- still share one consistent bucket.
-- KEYS[1]: the bucket. ARGV[1]: burst (bucket size). ARGV[2]: milliseconds per token.
-- ARGV[3]: 0 = check only, 1 = take a token if there is one, 2 = take a token regardless,
--          3 = give back ARGV[5] unspent tokens of an earlier lease, then take up to ARGV[4]
--              tokens (as many whole tokens as there are, at most that many).
-- Returns, for modes 0 to 2, 0 when a token was available, otherwise the milliseconds until one
-- will be; for mode 3, the number of tokens taken (at least 1), otherwise minus those milliseconds.
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) * 1000 + math.floor(tonumber(now_parts[2]) / 1000)
local burst = tonumber(ARGV[1])
local per_token = tonumber(ARGV[2])
local mode = tonumber(ARGV[3])
local wanted = tonumber(ARGV[4] or '1')
local refund = tonumber(ARGV[5] or '0')

local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = burst
  at = now
end
tokens = math.min(burst, tokens + math.max(0, now - at) / per_token)
if mode == 3 then
  tokens = math.min(burst, tokens + refund)
end
local available = tokens
local taken = 0

if mode == 3 then
  taken = math.min(wanted, math.floor(tokens))
  tokens = tokens - taken
elseif mode == 2 or (mode == 1 and tokens >= 1) then
  tokens = math.max(0, tokens - 1)
end
if mode ~= 0 then
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
  -- A bucket left alone this long is full again, the same as no bucket: keys never pile up.
  redis.call('PEXPIRE', KEYS[1], math.ceil(burst * per_token) + 1000)
end

if mode == 3 and taken >= 1 then
  return taken
end
if available >= 1 then
  return 0
end
local wait = math.ceil((1 - available) * per_token)
if mode == 3 then
  return -wait
end
return wait
