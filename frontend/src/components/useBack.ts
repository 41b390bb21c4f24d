import { useLocation, useNavigate } from 'react-router';

/** Back to where the user came from (a list keeps its filters in its URL), or to `fallback`. */
export function useBack(fallback: string) {
  const navigate = useNavigate();
  const location = useLocation();
  return () => (location.key !== 'default' ? navigate(-1) : navigate(fallback));
}
