-- A line's message arguments become jsonb, written and read through Jackson (billing's LineJson), instead of tagged
-- strings (t: text, m: money, n: number, y: month, l: names as lang=name pairs joined by U+001F).
create function billing_line_args_json(tagged text[]) returns jsonb language sql immutable as $$
    select coalesce(jsonb_agg(case left(arg, 2)
            when 't:' then jsonb_build_object('type', 'text', 'text', substr(arg, 3))
            when 'm:' then jsonb_build_object('type', 'amount', 'amount', substr(arg, 3)::numeric)
            when 'n:' then jsonb_build_object('type', 'number', 'number', substr(arg, 3))
            when 'y:' then jsonb_build_object('type', 'month', 'month', substr(arg, 3))
            when 'l:' then jsonb_build_object('type', 'names', 'names',
                    (select jsonb_object_agg(split_part(pair, '=', 1), substr(pair, strpos(pair, '=') + 1))
                     from unnest(string_to_array(substr(arg, 3), chr(31))) as pair))
        end order by n), '[]'::jsonb)
    from unnest(tagged) with ordinality as a(arg, n)
$$;

alter table billing_quote_line alter column args drop default;
alter table billing_quote_line alter column args type jsonb using billing_line_args_json(args);
alter table billing_quote_line alter column args set default '[]'::jsonb;

alter table billing_invoice_line alter column args drop default;
alter table billing_invoice_line alter column args type jsonb using billing_line_args_json(args);
alter table billing_invoice_line alter column args set default '[]'::jsonb;

drop function billing_line_args_json(text[]);
