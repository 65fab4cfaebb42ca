-- wrk script: books appointments through the staff API, one prepared request body per request.
-- The bodies file (one JSON object per line) comes from booking-throughput.py; each wrk thread takes every
-- n-th line (n = number of threads), so no two requests ask for the same body; a thread stops when its lines run out.
-- Environment: BODIES (path of the file), TOKEN (a front-desk API bearer token).
local threads = {}

function setup(thread)
   thread:set("id", #threads)
   table.insert(threads, thread)
end

function init(args)
   stride = tonumber(args[1] or "2")
   bodies = {}
   for line in io.lines(os.getenv("BODIES")) do
      table.insert(bodies, line)
   end
   next_line = id + 1
   headers = {
      ["Content-Type"] = "application/json",
      ["Authorization"] = "Bearer " .. os.getenv("TOKEN"),
   }
end

function request()
   local body = bodies[next_line]
   if body == nil then
      -- Contended runs reuse a few bodies over and over; distinct runs stop when the lines run out.
      if os.getenv("REPEAT") == "1" then
         next_line = id + 1
         body = bodies[next_line]
      else
         wrk.thread:stop()
         body = bodies[1]
      end
   end
   next_line = next_line + stride
   return wrk.format("POST", "/api/booking/appointments", headers, body)
end
