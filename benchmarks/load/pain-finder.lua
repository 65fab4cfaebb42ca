-- wrk script: POST the clinic's quadratus lumborum example to the pain finder (every request is ranked and saved).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"regions":["low_back_lateral_R","iliac_crest_R","hip_lateral_R"],"qualities":["sharp"],' ..
           '"factors":["cough_sneeze","turning_in_bed"],"redFlags":[],"lang":"en"}'
